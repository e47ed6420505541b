using System.Globalization;
using Marsad.Core.Audit;
using Marsad.Core.Records;
using Marsad.Domain.Audit;
using Npgsql;
using NpgsqlTypes;

namespace Marsad.Core.Storage.Postgres;

/// <summary>
/// A bulk upsert's inserts as binary COPY: the records' rows stream to the server as they come (it inserts them while
/// the next rows are read), and at each flush the rows' document links and then their revisions follow, the revisions
/// in the chain's order. Sent as INSERT statements, even in batches of 256, the per-statement work (bind, execute,
/// plan) was most of the server's time on an import. The same rows as those statements write: the columns and values
/// of <see cref="RecordStore.InsertRow"/>, <see cref="RecordStore.LinkStatements"/> and <see cref="RevisionWriter"/>.
/// </summary>
internal sealed class PostgresCopyInserts(WriteSession session, ChangeContext context, DateTimeOffset now) : IPendingInserts
{
    /// <summary>
    /// Rows between flushes: bounds the revisions held back (some 16 MB). A flush waits for the server to catch up with
    /// the rows sent, and the reading side soon waits too, so the fewer the better.
    /// </summary>
    private const int Rows = 32768;

    private readonly NpgsqlConnection _connection = (NpgsqlConnection)session.Connection;
    private readonly Dictionary<string, NpgsqlDbType[]> _types = new(StringComparer.Ordinal);
    private readonly List<object?[]> _revisions = [];
    private readonly List<(string Sql, string[] Parameters, object?[] Values)> _links = [];
    private NpgsqlBinaryImporter? _copy;
    private string? _copyTable;
    private NpgsqlDbType[] _copyTypes = [];

    public async Task AddAsync(PreparedInsert insert, CancellationToken cancellationToken)
    {
        var (table, columns, values) = RecordStore.InsertRow(insert, now);
        // Before the COPY opens: the first revision may read the chain's head, the first row of a table its column types.
        _revisions.Add(await RevisionWriter.NextAsync(session, insert.Kind.EntityType, insert.Id, RevisionAction.Insert, context, insert.Changes, insert.StateSha256, now, cancellationToken));
        _links.AddRange(RecordStore.LinkStatements(insert));
        if (_copyTable != table)
        {
            await CloseCopyAsync(cancellationToken);
            _copyTypes = await TypesAsync(table, columns, cancellationToken);
            _copy = await _connection.BeginBinaryImportAsync(CopySql(table, columns), cancellationToken);
            _copyTable = table;
        }

        await WriteRowAsync(_copy!, values, _copyTypes, cancellationToken);
        if (_revisions.Count >= Rows)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await CloseCopyAsync(cancellationToken);
        if (_links.Count > 0)
        {
            await using var batch = _connection.CreateBatch();
            foreach (var (sql, names, values) in _links)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                for (var i = 0; i < names.Length; i++)
                {
                    command.Parameters.Add(new NpgsqlParameter(names[i], values[i] ?? DBNull.Value));
                }

                batch.BatchCommands.Add(command);
            }

            _links.Clear();
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        if (_revisions.Count > 0)
        {
            var types = await TypesAsync("revisions", RevisionWriter.Columns, cancellationToken);
            await using (var copy = await _connection.BeginBinaryImportAsync(CopySql("revisions", RevisionWriter.Columns), cancellationToken))
            {
                foreach (var revision in _revisions)
                {
                    await WriteRowAsync(copy, revision, types, cancellationToken);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            _revisions.Clear();
        }
    }

    /// <summary>Abandons a COPY still open (the caller failed: its transaction rolls back).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            await _copy.DisposeAsync();
            _copy = null;
        }
    }

    private async Task CloseCopyAsync(CancellationToken cancellationToken)
    {
        if (_copy is null)
        {
            return;
        }

        await _copy.CompleteAsync(cancellationToken);
        await _copy.DisposeAsync();
        _copy = null;
        _copyTable = null;
    }

    private static string CopySql(string table, string[] columns) => $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)";

    /// <summary>The columns' types as the table declares them: binary COPY sends each value in its column's own format.</summary>
    private async Task<NpgsqlDbType[]> TypesAsync(string table, string[] columns, CancellationToken cancellationToken)
    {
        if (_types.TryGetValue(table, out var known) && known.Length == columns.Length)
        {
            return known;
        }

        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT a.attname, t.typname FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = @table::regclass AND a.attnum > 0 AND NOT a.attisdropped", _connection))
        {
            command.Parameters.Add(new NpgsqlParameter("table", table));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                declared[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var types = columns.Select(c => declared.TryGetValue(c, out var type) ? TypeOf(type, table, c) : throw new InvalidOperationException($"{table} has no column {c}")).ToArray();
        _types[table] = types;
        return types;
    }

    private static NpgsqlDbType TypeOf(string type, string table, string column) => type switch
    {
        "text" => NpgsqlDbType.Text,
        "int8" => NpgsqlDbType.Bigint,
        "int4" => NpgsqlDbType.Integer,
        "float8" => NpgsqlDbType.Double,
        "bool" => NpgsqlDbType.Boolean,
        _ => throw new NotSupportedException($"{table}.{column}: a bulk insert does not write columns of type {type}"),
    };

    private static async Task WriteRowAsync(NpgsqlBinaryImporter copy, object?[] values, NpgsqlDbType[] types, CancellationToken cancellationToken)
    {
        await copy.StartRowAsync(cancellationToken);
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            var type = types[i];
            var write = value switch
            {
                null or DBNull => copy.WriteNullAsync(cancellationToken),
                ReadOnlyMemory<byte> utf8 when type == NpgsqlDbType.Text => copy.WriteAsync(utf8, type, cancellationToken),
                _ when type == NpgsqlDbType.Text => copy.WriteAsync(value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture)!, type, cancellationToken),
                _ when type == NpgsqlDbType.Bigint => copy.WriteAsync(Convert.ToInt64(value, CultureInfo.InvariantCulture), type, cancellationToken),
                _ when type == NpgsqlDbType.Integer => copy.WriteAsync(Convert.ToInt32(value, CultureInfo.InvariantCulture), type, cancellationToken),
                _ when type == NpgsqlDbType.Double => copy.WriteAsync(Convert.ToDouble(value, CultureInfo.InvariantCulture), type, cancellationToken),
                _ => copy.WriteAsync(Convert.ToBoolean(value, CultureInfo.InvariantCulture), type, cancellationToken),
            };
            await write;
        }
    }
}
