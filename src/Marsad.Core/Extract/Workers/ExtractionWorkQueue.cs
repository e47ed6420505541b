using System.Data;
using System.Data.Common;
using System.Globalization;
using Marsad.Core.Storage;
using Marsad.Extraction;

namespace Marsad.Core.Extract.Workers;

/// <summary>
/// The leases of <c>marsad worker</c> over the <c>extraction_work</c> table. A worker claims a batch of documents for a
/// while (its lease); on PostgreSQL the claim skips rows another worker is claiming at that moment (<c>FOR UPDATE SKIP
/// LOCKED</c>), so workers never wait for each other's claims. Documents are finished by <see cref="CommitAsync"/>, which
/// stores their readings and marks the rows done in one transaction, each only while its row is still leased to this
/// worker: a worker that was killed, or that outlived its lease and lost a document to another, commits nothing of it.
/// </summary>
internal sealed class ExtractionWorkQueue(SqlDialect dialect, string engineVersion)
{
    /// <summary>PostgreSQL locks the claimed rows and skips those locked by another claim; SQLite's one writer serialises claims anyway.</summary>
    private string SkipLocked => dialect.Provider == DatabaseProvider.PostgreSql ? " FOR UPDATE SKIP LOCKED" : string.Empty;

    private string Lock => dialect.Provider == DatabaseProvider.PostgreSql ? " FOR UPDATE" : string.Empty;

    /// <summary>Adds a row for every stored document never read by any engine and not yet queued; returns how many.</summary>
    /// <remarks>
    /// Documents an earlier engine has read are re-read by <c>marsad reextract</c>, which compares against reviewed records;
    /// a worker stores first readings only, so its work is one insert per document that can be committed once.
    /// </remarks>
    public async Task<int> EnqueueAsync(CancellationToken cancellationToken)
    {
        return await dialect.RetryAsync(async ct =>
        {
            await using var connection = await dialect.OpenAsync(ct);
            await using var tx = await BeginClaimAsync(connection, ct);
            await using var command = connection.Sql(tx, """
                INSERT INTO extraction_work (document_id)
                SELECT d.id FROM documents d
                WHERE NOT EXISTS (SELECT 1 FROM extraction_work w WHERE w.document_id = d.id)
                  AND NOT EXISTS (SELECT 1 FROM extractions x WHERE x.document_id = d.id)
                ON CONFLICT (document_id) DO NOTHING
                """);
            var added = await command.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            return added;
        }, cancellationToken);
    }

    /// <summary>Leases up to <paramref name="batch"/> open documents (never leased, or whose lease ran out) to <paramref name="worker"/>.</summary>
    public async Task<IReadOnlyList<Guid>> ClaimAsync(string worker, int batch, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        return await dialect.RetryAsync(async ct =>
        {
            await using var connection = await dialect.OpenAsync(ct);
            await using var tx = await BeginClaimAsync(connection, ct);
            await using var command = connection.Sql(tx, $"""
                UPDATE extraction_work SET leased_by = @worker, lease_until = @until, attempts = attempts + 1
                WHERE document_id IN (
                    SELECT document_id FROM extraction_work
                    WHERE done_version IS NULL AND (lease_until IS NULL OR lease_until < @now)
                    ORDER BY document_id LIMIT @batch{SkipLocked})
                RETURNING document_id
                """);
            command.AddParameter("@worker", worker).AddParameter("@until", (now + lease).ToUnixTimeMilliseconds())
                .AddParameter("@now", now.ToUnixTimeMilliseconds()).AddParameter("@batch", batch);
            var ids = new List<Guid>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    ids.Add(Guid.Parse(reader.GetString(0)));
                }
            }

            await tx.CommitAsync(ct);
            ids.Sort();
            return (IReadOnlyList<Guid>)ids;
        }, cancellationToken);
    }

    /// <summary>Extends this worker's leases on documents it still holds, so a long batch is not taken over while it works.</summary>
    public async Task RenewAsync(string worker, IReadOnlyList<Guid> documents, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (documents.Count == 0)
        {
            return;
        }

        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await BeginClaimAsync(connection, cancellationToken);
        foreach (var chunk in documents.Chunk(MaxCommit))
        {
            await using var command = connection.Sql(tx, $"UPDATE extraction_work SET lease_until = @until WHERE leased_by = @worker AND done_version IS NULL AND document_id IN ({Names(chunk.Length)})");
            command.AddParameter("@until", until.ToUnixTimeMilliseconds()).AddParameter("@worker", worker);
            AddIds(command, chunk);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>The most documents one commit stores: the caller splits larger batches.</summary>
    public const int MaxCommit = 200;

    /// <summary>
    /// Stores the readings of the documents still leased to <paramref name="worker"/> and not done, and marks them done,
    /// in one write transaction; returns how many (the others were taken over by another worker: nothing of theirs is
    /// stored). The rows are locked first, so a worker claiming them at the same moment skips them, and one that claimed
    /// them already has its name on them. One transaction for the whole batch: each holds the chain's lock, which every
    /// other writer waits for.
    /// </summary>
    public async Task<int> CommitAsync(string worker, IReadOnlyList<(Guid DocumentId, ExtractionResult Result)> readings, ChangeContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(readings.Count, MaxCommit);
        if (readings.Count == 0)
        {
            return 0;
        }

        return await dialect.RetryAsync(async ct =>
        {
            await using var connection = await dialect.OpenAsync(ct);
            await using var tx = await dialect.BeginWriteAsync(connection, ct);
            var all = readings.Select(r => r.DocumentId).ToArray();
            var mine = await IdsAsync(connection, tx, $"SELECT document_id FROM extraction_work WHERE leased_by = @worker AND done_version IS NULL AND document_id IN ({Names(all.Length)}){Lock}", all, worker, ct);
            if (mine.Count == 0)
            {
                await tx.RollbackAsync(ct);
                return 0;
            }

            var ours = all.Where(mine.Contains).ToArray();
            // Read by another path meanwhile (ingest, reextract): the reading stands, the work is done.
            var read = await IdsAsync(connection, tx, $"SELECT document_id FROM extractions WHERE document_id IN ({Names(ours.Length)})", ours, null, ct);
            await using (var session = new WriteSession(connection, tx))
            {
                await ExtractionStore.InsertManyAsync(session, engineVersion, [.. readings.Where(r => mine.Contains(r.DocumentId) && !read.Contains(r.DocumentId))], context, now, ct);
            }

            await using (var done = connection.Sql(tx, $"UPDATE extraction_work SET done_version = @version, leased_by = NULL, lease_until = NULL WHERE document_id IN ({Names(ours.Length)})"))
            {
                done.AddParameter("@version", engineVersion);
                AddIds(done, ours);
                await done.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
            return ours.Length;
        }, cancellationToken);
    }

    private static string Names(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => "@d" + i.ToString(CultureInfo.InvariantCulture)));

    private static void AddIds(DbCommand command, IReadOnlyList<Guid> ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            command.AddParameter("@d" + i.ToString(CultureInfo.InvariantCulture), ids[i].ToString("D"));
        }
    }

    private static async Task<HashSet<Guid>> IdsAsync(DbConnection connection, DbTransaction tx, string sql, IReadOnlyList<Guid> ids, string? worker, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(tx, sql);
        AddIds(command, ids);
        if (worker is not null)
        {
            command.AddParameter("@worker", worker);
        }

        var found = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(Guid.Parse(reader.GetString(0)));
        }

        return found;
    }

    /// <summary>How many queued documents are not done yet (leased or not).</summary>
    public async Task<long> OpenCountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, "SELECT COUNT(*) FROM extraction_work WHERE done_version IS NULL");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Claims need no place in the audit chain, so on PostgreSQL they do not take the writers' advisory lock (workers claim
    /// while another commits); SQLite has one writer at a time whatever the transaction.
    /// </summary>
    private async Task<DbTransaction> BeginClaimAsync(DbConnection connection, CancellationToken cancellationToken) =>
        dialect.Provider == DatabaseProvider.PostgreSql
            ? await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken)
            : await dialect.BeginWriteAsync(connection, cancellationToken);
}
