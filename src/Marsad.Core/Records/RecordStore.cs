using System.Text.Json;
using Marsad.Core.Audit;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Audit;

namespace Marsad.Core.Records;

/// <summary>The record store over ADO.NET: one row a record (payload JSON plus query columns), one revision a change.</summary>
internal sealed class RecordStore(SqlDialect dialect, TimeProvider time) : IRecordStore
{
    public Task<UpsertCounts> UpsertManyAsync<T>(IAsyncEnumerable<T> records, Func<T, T, T?> merge, RecordSweep<T>? sweep, ChangeContext context, CancellationToken cancellationToken = default) where T : class =>
        RecordUpsert.RunAsync(dialect, time.GetUtcNow(), records, merge, sweep, context, cancellationToken);

    public async Task<StoredRecord<T>> AddAsync<T>(T record, ChangeContext context, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        var now = time.GetUtcNow();
        await dialect.WriteAsync(async (session, ct) =>
        {
            await InsertAsync(session, record, context, now, ct);
            return 1;
        }, cancellationToken);
        return new StoredRecord<T>(record, 1);
    }

    /// <summary>Inserts a record of any of the four kinds, its document links and its revision, inside the caller's write transaction.</summary>
    internal static Task InsertAsync(WriteSession session, object record, ChangeContext context, DateTimeOffset now, CancellationToken cancellationToken) =>
        InsertAsync(session, PreparedInsert.Of(record), context, now, cancellationToken);

    /// <summary>Inserts a record whose database-free work (<see cref="PreparedInsert"/>) is done.</summary>
    internal static async Task InsertAsync(WriteSession session, PreparedInsert prepared, ChangeContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (record, kind, id, utf8, columns, changes, stateSha256) = prepared;
        var statement = StatementOf(prepared);
        await session.BeforeRowAsync(kind.Table, columns, cancellationToken);
        {
            var insert = session.Statement(statement.Sql);
            // By position: the statement's parameters are its column list's, in order (an import binds millions).
            insert.Set(0, id.ToString("D"));
            insert.Set(1, kind.Status(record));
            insert.SetUtf8(2, utf8);
            insert.Set(3, RevisionHasher.FormatTime(now));
            for (var i = 0; i < columns.Count; i++)
            {
                insert.Set(4 + i, columns[i].Value);
            }

            await insert.ExecuteAsync(cancellationToken);
        }

        // A new record has no links yet (its id was just inserted; a link to a missing record is refused by the
        // audit), so there is nothing to clear: one statement a row less on bulk imports.
        foreach (var document in kind.Documents(record))
        {
            await LinkAsync(session, kind, id, document, cancellationToken);
        }

        await RevisionWriter.AppendAsync(session, kind.EntityType, id, RevisionAction.Insert, context, changes, stateSha256, now, cancellationToken);
    }

    /// <summary>
    /// The statements of a record's insert as SQL, parameter names and values (the payload as text), in the order
    /// <see cref="InsertAsync(WriteSession, PreparedInsert, ChangeContext, DateTimeOffset, CancellationToken)"/> runs
    /// them, for a batch sent in one round trip. The revision's sequence and hash follow the session's head, which moves.
    /// </summary>
    internal static async Task<List<(string Sql, string[] Parameters, object?[] Values)>> InsertStatementsAsync(WriteSession session, PreparedInsert prepared, ChangeContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (record, kind, id, _, _, changes, stateSha256) = prepared;
        var statement = StatementOf(prepared);
        await session.BeforeRowAsync(kind.Table, prepared.Columns, cancellationToken);
        var list = new List<(string, string[], object?[])> { (statement.Sql, statement.Parameters, RowValues(prepared, now, 0, System.Text.Encoding.UTF8.GetString(prepared.Utf8))) };
        list.AddRange(LinkStatements(prepared));
        list.Add((RevisionWriter.InsertSql, RevisionWriter.Parameters,
            await RevisionWriter.NextAsync(session, kind.EntityType, id, RevisionAction.Insert, context, changes, stateSha256, now, cancellationToken)));
        return list;
    }

    /// <summary>
    /// A new record's row as a bulk load writes it (PostgreSQL's COPY): the table, every column set (version 1
    /// included) and their values in that order, the payload as its UTF-8 bytes (a <see cref="ReadOnlyMemory{T}"/> of
    /// bytes, for a text column); the same row its INSERT writes.
    /// </summary>
    internal static (string Table, string[] Columns, object?[] Values) InsertRow(PreparedInsert prepared, DateTimeOffset now)
    {
        var statement = StatementOf(prepared);
        var values = RowValues(prepared, now, 1, new ReadOnlyMemory<byte>(prepared.Utf8));
        values[1] = 1L;
        return (prepared.Kind.Table, statement.CopyColumns, values);
    }

    /// <summary>A new record's document links, as statements (a link already there is left as it is).</summary>
    internal static IEnumerable<(string Sql, string[] Parameters, object?[] Values)> LinkStatements(PreparedInsert prepared) =>
        prepared.Kind.Documents(prepared.Record).Select(document =>
            (LinkSql, LinkParameters, new object?[] { prepared.Kind.EntityType, prepared.Id.ToString("D"), document.ToString("D") }));

    private static readonly string[] LinkParameters = ["@kind", "@id", "@doc"];

    /// <summary>The INSERT's values in its parameters' order, after <paramref name="skip"/> empty places.</summary>
    private static object?[] RowValues(PreparedInsert prepared, DateTimeOffset now, int skip, object payload)
    {
        var (record, kind, id, _, columns, _, _) = prepared;
        var values = new object?[skip + 4 + columns.Count];
        values[0] = id.ToString("D");
        values[skip + 1] = kind.Status(record);
        values[skip + 2] = payload;
        values[skip + 3] = RevisionHasher.FormatTime(now);
        for (var i = 0; i < columns.Count; i++)
        {
            values[skip + 4 + i] = columns[i].Value;
        }

        return values;
    }

    /// <summary>The kind's INSERT, its query columns checked to come in the order it was built with.</summary>
    private static InsertStatement StatementOf(PreparedInsert prepared)
    {
        var statement = InsertStatements.GetOrAdd(prepared.Kind, k => InsertStatement.Of(k, prepared.Columns));
        for (var i = 0; i < prepared.Columns.Count; i++)
        {
            if (prepared.Columns[i].Key != statement.Columns[i])
            {
                throw new InvalidOperationException($"{prepared.Kind.EntityType} columns changed order: {prepared.Columns[i].Key} where {statement.Columns[i]} was");
            }
        }

        return statement;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<RecordKind, InsertStatement> InsertStatements = new();

    /// <summary>A kind's INSERT, built once: its query columns are the same names in the same order for every record.</summary>
    private sealed record InsertStatement(string Sql, string[] Parameters, string[] Columns, string[] CopyColumns)
    {
        public static InsertStatement Of(RecordKind kind, IReadOnlyList<KeyValuePair<string, object?>> columns)
        {
            string[] names = [.. columns.Select(c => c.Key)];
            string[] all = ["id", "status", "payload", "updated_at", .. names];
            string[] parameters = ["@id", "@status", "@payload", "@at", .. names.Select(n => "@" + n)];
            var sql = $"INSERT INTO {kind.Table} (id, version, {string.Join(", ", all[1..])}) VALUES (@id, 1, {string.Join(", ", parameters[1..])})";
            return new InsertStatement(sql, parameters, names, ["id", "version", .. all[1..]]);
        }
    }

    public async Task<StoredRecord<T>> UpdateAsync<T>(T record, long expectedVersion, ChangeContext context, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        var now = time.GetUtcNow();
        var version = await dialect.WriteAsync((session, ct) => UpdateInTransactionAsync(session, record, expectedVersion, context, now, ct), cancellationToken);
        return new StoredRecord<T>(record, version);
    }

    public async Task UpdateManyAsync<T>(IReadOnlyList<(T Record, long ExpectedVersion, ChangeContext Context)> updates, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(updates);
        var now = time.GetUtcNow();
        await dialect.WriteAsync(async (session, ct) =>
        {
            foreach (var (record, expected, context) in updates)
            {
                await UpdateInTransactionAsync(session, record, expected, context, now, ct);
            }

            return updates.Count;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<long>> SaveManyAsync(IReadOnlyList<RecordSave> saves, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saves);
        var now = time.GetUtcNow();
        return await dialect.WriteAsync(async (session, ct) =>
        {
            // A new list each attempt: a retried transaction starts over.
            var versions = new List<long>(saves.Count);
            foreach (var save in saves)
            {
                ArgumentNullException.ThrowIfNull(save);
                if (save.ExpectedVersion is { } expected)
                {
                    versions.Add(await UpdateInTransactionAsync(session, save.Record, expected, save.Context, now, ct));
                }
                else
                {
                    await InsertAsync(session, save.Record, save.Context, now, ct);
                    versions.Add(1);
                }
            }

            return (IReadOnlyList<long>)versions;
        }, cancellationToken);
    }

    public async Task<IBulkRewrite> BeginBulkRewriteAsync(CancellationToken cancellationToken = default)
    {
        var connection = await dialect.OpenAsync(cancellationToken);
        try
        {
            return new BulkRewrite(dialect, connection, await dialect.BeginWriteAsync(connection, cancellationToken), time.GetUtcNow());
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Saves one record over the version named, with its revision, inside the caller's write transaction; returns its new version.</summary>
    internal static async Task<long> UpdateInTransactionAsync(WriteSession session, object record, long expectedVersion, ChangeContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kind = RecordKinds.For(record.GetType());
        var id = kind.Id(record);
        var payload = JsonSerializer.Serialize(record, record.GetType(), MarsadJson.Options);
        var current = await ReadRowAsync(session, kind, id, cancellationToken)
            ?? throw new RecordNotFoundException($"no {kind.EntityType} with id {id}");
        if (current.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException(kind.EntityType, id, expectedVersion, current.Version);
        }

        var changes = JsonDiff.Changes(current.Payload, payload);
        if (changes == "{}")
        {
            return current.Version;
        }

        var columns = kind.Columns(record);
        await session.BeforeRowAsync(kind.Table, columns, cancellationToken);
        var sets = string.Concat(columns.Select(c => $", {c.Key} = @{c.Key}"));
        {
            var update = session.Command($"UPDATE {kind.Table} SET version = version + 1, status = @status, payload = @payload, updated_at = @at{sets} WHERE id = @id AND version = @expected");
            update.AddParameter("@id", id.ToString("D")).AddParameter("@status", kind.Status(record)).AddParameter("@payload", payload)
                .AddParameter("@at", RevisionHasher.FormatTime(now)).AddParameter("@expected", expectedVersion);
            foreach (var (name, value) in columns)
            {
                update.AddParameter("@" + name, value);
            }

            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await LinkDocumentsAsync(session, kind, id, kind.Documents(record), cancellationToken);
        var action = current.Status == kind.Status(record) ? RevisionAction.Update : RevisionAction.StatusChange;
        await RevisionWriter.AppendAsync(session, kind.EntityType, id, action, context, changes, RevisionHasher.Sha256Hex(payload), now, cancellationToken);
        return expectedVersion + 1;
    }

    public async Task<IReadOnlyDictionary<Guid, StoredRecord<T>>> GetManyAsync<T>(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(ids);
        var kind = RecordKinds.For(typeof(T));
        var found = new Dictionary<Guid, StoredRecord<T>>();
        await using var connection = await dialect.OpenAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(500))
        {
            await using var command = connection.CreateCommand();
            var names = chunk.Select((_, i) => "@r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            command.CommandText = $"SELECT id, version, payload FROM {kind.Table} WHERE id IN ({string.Join(", ", names)})";
            for (var i = 0; i < chunk.Length; i++)
            {
                command.AddParameter(names[i], chunk[i].ToString("D"));
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found[Guid.Parse(reader.GetString(0))] = new StoredRecord<T>(Deserialize<T>(reader.GetString(2)), reader.GetInt64(1));
            }
        }

        return found;
    }

    public async Task<StoredRecord<T>?> GetAsync<T>(Guid id, CancellationToken cancellationToken = default) where T : class
    {
        var kind = RecordKinds.For(typeof(T));
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, $"SELECT version, status, payload FROM {kind.Table} WHERE id = @id");
        command.AddParameter("@id", id.ToString("D"));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var row = await reader.ReadAsync(cancellationToken) ? new Row(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : null;
        return row is null ? null : new StoredRecord<T>(Deserialize<T>(row.Payload), row.Version);
    }

    public async Task<IReadOnlyList<(string Kind, Guid Id)>> OfDocumentAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, "SELECT record_kind, record_id FROM record_documents WHERE document_id = @doc ORDER BY record_kind, record_id");
        command.AddParameter("@doc", documentId.ToString("D"));
        var list = new List<(string, Guid)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add((reader.GetString(0), Guid.Parse(reader.GetString(1))));
        }

        return list;
    }

    public async Task<IReadOnlyList<StoredRecord<T>>> PendingAsync<T>(Guid? documentId = null, CancellationToken cancellationToken = default) where T : class
    {
        var kind = RecordKinds.For(typeof(T));
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var ofDocument = documentId is null ? "" : " AND id IN (SELECT record_id FROM record_documents WHERE record_kind = @kind AND document_id = @doc)";
        await using var command = connection.Sql(null, $"SELECT payload, version FROM {kind.Table} WHERE status = 'extracted'{kind.StandingCondition}{ofDocument} ORDER BY updated_at, id");
        command.AddParameter("@kind", kind.EntityType).AddParameter("@doc", documentId?.ToString("D"));
        var list = new List<StoredRecord<T>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new StoredRecord<T>(Deserialize<T>(reader.GetString(0)), reader.GetInt64(1)));
        }

        return list;
    }

    public async Task<IReadOnlyList<StoredRecord<T>>> ListAsync<T>(int limit = 1000, CancellationToken cancellationToken = default) where T : class
    {
        var kind = RecordKinds.For(typeof(T));
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, $"SELECT payload, version FROM {kind.Table} ORDER BY updated_at, id LIMIT @limit");
        command.AddParameter("@limit", limit);
        var list = new List<StoredRecord<T>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new StoredRecord<T>(Deserialize<T>(reader.GetString(0)), reader.GetInt64(1)));
        }

        return list;
    }

    internal static T Deserialize<T>(string payload) => JsonSerializer.Deserialize<T>(payload, MarsadJson.Options)
        ?? throw new InvalidDataException($"stored {typeof(T).Name} payload is null");

    private static async Task<Row?> ReadRowAsync(WriteSession session, RecordKind kind, Guid id, CancellationToken cancellationToken)
    {
        var command = session.Command($"SELECT version, status, payload FROM {kind.Table} WHERE id = @id");
        command.AddParameter("@id", id.ToString("D"));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new Row(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    /// <summary>Makes the record's document links exactly its current documents (a merge adds some, its undo takes them back).</summary>
    private static async Task LinkDocumentsAsync(WriteSession session, RecordKind kind, Guid id, IEnumerable<Guid> documents, CancellationToken cancellationToken)
    {
        {
            var clear = session.Command("DELETE FROM record_documents WHERE record_kind = @kind AND record_id = @id");
            clear.AddParameter("@kind", kind.EntityType).AddParameter("@id", id.ToString("D"));
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var document in documents)
        {
            await LinkAsync(session, kind, id, document, cancellationToken);
        }
    }

    private const string LinkSql = "INSERT INTO record_documents (record_kind, record_id, document_id) VALUES (@kind, @id, @doc) ON CONFLICT DO NOTHING";

    internal static async Task LinkAsync(WriteSession session, RecordKind kind, Guid id, Guid document, CancellationToken cancellationToken)
    {
        var link = session.Command(LinkSql);
        link.AddParameter("@kind", kind.EntityType).AddParameter("@id", id.ToString("D")).AddParameter("@doc", document.ToString("D"));
        await link.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record Row(long Version, string Status, string Payload);
}
