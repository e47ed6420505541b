using System.Data.Common;
using System.Globalization;
using Marsad.Core.Audit;

namespace Marsad.Core.Storage;

/// <summary>
/// <c>marsad db copy --from A --to B</c>: the whole record, audit chain included, from one database to another (a laptop's
/// SQLite file to the team's PostgreSQL server, or back). Rows are copied as stored, so every hash still verifies on the
/// target; the analytics tables are not copied but rebuilt by the target's own triggers as events arrive. Each chunk is one
/// write transaction and a row already on the target is skipped, so a copy interrupted and run again ends with every
/// row once. A target holding a different record (its chain is not a beginning of the source's) is refused.
/// </summary>
public static class DatabaseCopy
{
    /// <summary>
    /// The record's tables in an order that keeps every reference valid, each with the key that orders (and pages) it.
    /// The chain comes first: a target holding any row then holds a beginning of the chain that says whose record it is.
    /// </summary>
    private static readonly (string Table, string[] Key)[] Tables =
    [
        ("revisions", ["seq"]),
        ("sources", ["id"]),
        ("documents", ["id"]),
        ("events", ["id"]),
        ("claims", ["id"]),
        ("persons", ["id"]),
        ("allegations", ["id"]),
        ("record_documents", ["record_kind", "record_id", "document_id"]),
        ("extractions", ["document_id", "engine_version"]),
        ("extraction_proposals", ["id"]),
        ("users", ["id"]),
        ("api_tokens", ["id"]),
    ];

    /// <summary>Rows a write transaction copies: an interrupted copy leaves whole batches, never part of one.</summary>
    public const int ChunkRows = 500;

    /// <summary>The tables copied, in the order they are copied (the kill-point tests check an interrupted copy against it).</summary>
    public static IReadOnlyList<string> TableOrder { get; } = [.. Tables.Select(t => t.Table)];

    public sealed record TableCopy(string Table, long SourceRows, long Copied);

    public sealed record CopyResult(IReadOnlyList<TableCopy> Tables, AuditVerification Verification);

    public static async Task<CopyResult> CopyAsync(StoreOpener stores, DatabaseTarget from, DatabaseTarget to, IProgress<TableCopy>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.Provider == to.Provider && string.Equals(from.Value, to.Value, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("--from and --to name the same database");
        }

        var source = (MarsadStore)await stores.OpenAsync(from, migrate: true, cancellationToken);
        var target = (MarsadStore)await stores.OpenAsync(to, migrate: true, cancellationToken);
        await using var read = await source.Dialect.OpenAsync(cancellationToken);
        // One snapshot of the source for the whole copy: writers may go on there, the copy is of one moment.
        await using var snapshot = await source.Dialect.BeginReadAsync(read, cancellationToken);
        await using var write = await target.Dialect.OpenAsync(cancellationToken);
        await RefuseAnotherRecordAsync(read, snapshot, write, cancellationToken);

        var copies = new List<TableCopy>();
        foreach (var (table, key) in Tables)
        {
            var columns = (await ColumnsAsync(read, snapshot, table, cancellationToken))
                .Intersect(await ColumnsAsync(write, null, table, cancellationToken), StringComparer.Ordinal)
                .Where(c => c != source.Dialect.RowOrderColumn && c != target.Dialect.RowOrderColumn && !source.Dialect.IsDerivedColumn(table, c) && !target.Dialect.IsDerivedColumn(table, c))
                .ToArray();
            // In the order rows were stored (the target's row order then follows the source's), else by the table's key.
            string[] order = source.Dialect.Provider == DatabaseProvider.Sqlite ? ["rowid"]
                : (await ColumnsAsync(read, snapshot, table, cancellationToken)).Contains(source.Dialect.RowOrderColumn) ? [source.Dialect.RowOrderColumn] : key;
            var copy = await CopyTableAsync(read, snapshot, write, target.Dialect, table, order, columns, cancellationToken);
            copies.Add(copy);
            progress?.Report(copy);
        }

        if (target.Dialect.IdentityResetSql("extraction_proposals", "id") is { } reset)
        {
            await using var command = write.Sql(null, reset);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new CopyResult(copies, await target.Audit.VerifyAsync(null, cancellationToken));
    }

    private static async Task<TableCopy> CopyTableAsync(DbConnection read, DbTransaction snapshot, DbConnection write, SqlDialect targetDialect, string table, string[] key, string[] columns, CancellationToken cancellationToken)
    {
        var list = string.Join(", ", columns);
        var order = string.Join(", ", key);
        var selected = order + ", " + list;
        // Keyset paging by the table's key: after the last row copied, never OFFSET (it would rescan what was copied).
        var after = string.Join(" OR ", key.Select((_, i) => "(" + string.Join(" AND ", key.Take(i).Select(k => $"{k} = @a_{k}").Append($"{key[i]} > @a_{key[i]}")) + ")"));
        var insert = $"INSERT INTO {table} ({list}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))}) ON CONFLICT DO NOTHING";
        long total = 0, copied = 0;
        object[]? last = null;
        while (true)
        {
            var rows = new List<object[]>(ChunkRows);
            await using (var select = read.Sql(snapshot, $"SELECT {selected} FROM {table}{(last is null ? "" : $" WHERE {after}")} ORDER BY {order} LIMIT {ChunkRows}"))
            {
                if (last is not null)
                {
                    for (var i = 0; i < key.Length; i++)
                    {
                        select.AddParameter("@a_" + key[i], last[i]);
                    }
                }

                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var row = new object[key.Length + columns.Length];
                    reader.GetValues(row);
                    rows.Add(row);
                }
            }

            if (rows.Count == 0)
            {
                return new TableCopy(table, total, copied);
            }

            await using (var tx = await targetDialect.BeginWriteAsync(write, cancellationToken))
            {
                await using var command = write.Sql(tx, insert);
                foreach (var row in rows)
                {
                    for (var i = 0; i < columns.Length; i++)
                    {
                        var value = row[key.Length + i];
                        command.AddParameter("@p" + i.ToString(CultureInfo.InvariantCulture), value is DBNull ? null : value);
                    }

                    copied += await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await targetDialect.BeforeCommitAsync(write, tx, cancellationToken);
                await tx.CommitAsync(cancellationToken);
            }

            total += rows.Count;
            last = rows[^1];
        }
    }

    /// <summary>The target must be empty or hold a beginning of the source's chain (an earlier, interrupted copy: the chain is copied first).</summary>
    private static async Task RefuseAnotherRecordAsync(DbConnection read, DbTransaction snapshot, DbConnection write, CancellationToken cancellationToken)
    {
        long head;
        string? hash;
        await using (var command = write.Sql(null, "SELECT seq, hash FROM revisions ORDER BY seq DESC LIMIT 1"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                await reader.DisposeAsync();
                await using var rows = write.Sql(null, "SELECT (SELECT COUNT(*) FROM documents) + (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM sources) + (SELECT COUNT(*) FROM users)");
                if (Convert.ToInt64(await rows.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
                {
                    throw new InvalidOperationException("the target already holds records without an audit chain; copy into an empty database");
                }

                return;
            }

            head = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            hash = reader.GetString(1);
        }

        await using var check = read.Sql(snapshot, "SELECT hash FROM revisions WHERE seq = @seq");
        check.AddParameter("@seq", head);
        if (await check.ExecuteScalarAsync(cancellationToken) is not string sourceHash || sourceHash != hash)
        {
            throw new InvalidOperationException($"the target already holds another record (its revision {head.ToString(CultureInfo.InvariantCulture)} is not the source's); copy into an empty database");
        }
    }

    private static async Task<List<string>> ColumnsAsync(DbConnection connection, DbTransaction? tx, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(tx, $"SELECT * FROM {table} WHERE 1 = 0");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    }
}
