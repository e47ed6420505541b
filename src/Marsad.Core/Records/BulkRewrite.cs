using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Marsad.Core.Audit;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Audit;

namespace Marsad.Core.Records;

/// <summary>
/// A bulk rewrite over one write transaction. Rows are read in chunks in storage order and each chunk
/// is patched before the next is read, so a million updates touch each page about once instead of
/// rewriting a random page per record; payloads are patched as text, never deserialized.
/// </summary>
internal sealed class BulkRewrite(SqlDialect dialect, DbConnection connection, DbTransaction transaction, DateTimeOffset now) : IBulkRewrite
{
    private const int ChunkRows = 2000;
    private readonly WriteSession _session = new(connection, transaction) { Dialect = dialect };
    private readonly string _at = RevisionHasher.FormatTime(now);
    private readonly Dictionary<(string Table, string Columns), string> _updates = [];

    public async Task<IReadOnlySet<Guid>> ChangedSinceAsync<T>(long revision, CancellationToken cancellationToken = default) where T : class
    {
        var kind = RecordKinds.For(typeof(T));
        var command = _session.Command("SELECT DISTINCT entity_id FROM revisions WHERE seq > @seq AND entity_type = @type");
        command.AddParameter("@seq", revision).AddParameter("@type", kind.EntityType);
        var changed = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            changed.Add(Guid.Parse(reader.GetString(0)));
        }

        return changed;
    }

    public async IAsyncEnumerable<StoredJson> ReadAsync<T>(Func<Guid, bool> wanted, [EnumeratorCancellation] CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var kind = RecordKinds.For(typeof(T));
        var order = dialect.RowOrderColumn;
        var sql = string.Create(CultureInfo.InvariantCulture, $"SELECT {order}, id, version, payload FROM {kind.Table} WHERE {order} > @after ORDER BY {order} LIMIT {ChunkRows}");
        var chunk = new List<StoredJson>(ChunkRows);
        var after = long.MinValue;
        while (true)
        {
            chunk.Clear();
            var rows = 0;
            var command = _session.Command(sql);
            command.AddParameter("@after", after);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows++;
                    after = reader.GetInt64(0);
                    var id = Guid.Parse(reader.GetString(1));
                    if (wanted(id))
                    {
                        chunk.Add(new StoredJson(id, reader.GetInt64(2), reader.GetString(3)) { Row = after });
                    }
                }
            }

            // The reader is closed before the caller patches these rows on the same connection.
            foreach (var record in chunk)
            {
                yield return record;
            }

            if (rows < ChunkRows)
            {
                yield break;
            }
        }
    }

    public async Task PatchAsync<T>(StoredJson record, IReadOnlyList<FieldValue> fields, ChangeContext context, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(context);
        var kind = RecordKinds.For(typeof(T));
        var columns = new List<(string Column, object? Value)>();
        IReadOnlyCollection<Guid>? documents = null;
        foreach (var (name, value) in fields)
        {
            if (name == RecordKind.DocumentsField)
            {
                documents = value as IReadOnlyCollection<Guid> ?? throw new ArgumentException($"{name} must be a list of document ids", nameof(fields));
            }
            else if (kind.PatchableColumns.TryGetValue(name, out var column))
            {
                columns.Add((column.Column, column.Value(value)));
            }
            else if (name == "id" || kind.ColumnFields.Contains(name))
            {
                throw new NotSupportedException($"a bulk patch cannot set {kind.EntityType} field '{name}': a column depends on it");
            }
        }

        var before = Encoding.UTF8.GetBytes(record.Payload);
        var beforeFields = JsonDiff.Fields(before);
        var after = PayloadPatch.Apply(before, beforeFields, fields);
        var changes = JsonDiff.Changes(before, beforeFields, after);
        if (changes == "{}")
        {
            return;
        }

        var update = _session.Command(UpdateSql(kind, columns));
        update.AddParameter("@row", record.Row).AddParameter("@id", record.Id.ToString("D")).AddParameter("@payload", Encoding.UTF8.GetString(after))
            .AddParameter("@at", _at).AddParameter("@expected", record.Version);
        foreach (var (column, value) in columns)
        {
            update.AddParameter("@" + column, value);
        }

        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new ConcurrencyConflictException($"{kind.EntityType} {record.Id} is no longer at version {record.Version}; nothing was saved");
        }

        if (documents is not null)
        {
            await RelinkAsync(kind, record.Id, OldDocuments(before, beforeFields), documents, cancellationToken);
        }

        await RevisionWriter.AppendAsync(_session, kind.EntityType, record.Id, RevisionAction.Update, context, changes, RevisionHasher.Sha256Hex(after), now, cancellationToken);
    }

    /// <summary>The UPDATE for this table and set of columns, built once per set rather than once per record.</summary>
    private string UpdateSql(RecordKind kind, List<(string Column, object? Value)> columns)
    {
        var key = (kind.Table, string.Join(',', columns.Select(c => c.Column)));
        if (!_updates.TryGetValue(key, out var sql))
        {
            _updates[key] = sql = $"UPDATE {kind.Table} SET version = version + 1, payload = @payload, updated_at = @at{string.Concat(columns.Select(c => $", {c.Column} = @{c.Column}"))} WHERE {dialect.RowOrderColumn} = @row AND id = @id AND version = @expected";
        }

        return sql;
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await dialect.BeforeCommitAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await dialect.AfterCommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _session.DisposeAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private static Guid[] OldDocuments(byte[] payload, List<(string Name, Range Value)> fields)
    {
        foreach (var (name, range) in fields)
        {
            if (name == RecordKind.DocumentsField)
            {
                return JsonSerializer.Deserialize<Guid[]>(payload.AsSpan()[range], MarsadJson.Options) ?? [];
            }
        }

        return [];
    }

    /// <summary>Adds the links a record gained and removes those it lost; the rest stay as they are.</summary>
    private async Task RelinkAsync(RecordKind kind, Guid id, IEnumerable<Guid> before, IEnumerable<Guid> after, CancellationToken cancellationToken)
    {
        var old = before.ToHashSet();
        var now = after.ToHashSet();
        foreach (var document in old.Where(d => !now.Contains(d)))
        {
            var unlink = _session.Command("DELETE FROM record_documents WHERE record_kind = @kind AND record_id = @id AND document_id = @doc");
            unlink.AddParameter("@kind", kind.EntityType).AddParameter("@id", id.ToString("D")).AddParameter("@doc", document.ToString("D"));
            await unlink.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var document in now.Where(d => !old.Contains(d)))
        {
            await RecordStore.LinkAsync(_session, kind, id, document, cancellationToken);
        }
    }
}
