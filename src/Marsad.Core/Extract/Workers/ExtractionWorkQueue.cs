using System.Data;
using System.Data.Common;
using System.Globalization;
using Marsad.Core.Storage;
using Marsad.Extraction;

namespace Marsad.Core.Extract.Workers;

/// <summary>
/// The leases of <c>marsad worker</c> over the <c>extraction_work</c> table. A worker claims a batch of documents for a
/// while (its lease); on PostgreSQL the claim skips rows another worker is claiming at that moment (<c>FOR UPDATE SKIP
/// LOCKED</c>), so workers never wait for each other's claims. A document is finished by <see cref="CommitAsync"/>, which
/// stores the reading and marks the row done in one transaction, and only while the row is still leased to this worker:
/// a worker that was killed, or that outlived its lease and lost the document to another, commits nothing.
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
    public async Task RenewAsync(string worker, IEnumerable<Guid> documents, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await BeginClaimAsync(connection, cancellationToken);
        await using var command = connection.Sql(tx, "UPDATE extraction_work SET lease_until = @until WHERE document_id = @doc AND leased_by = @worker AND done_version IS NULL");
        command.AddParameter("@until", until.ToUnixTimeMilliseconds()).AddParameter("@doc", string.Empty).AddParameter("@worker", worker);
        foreach (var id in documents)
        {
            command.Parameters["@doc"].Value = id.ToString("D");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Stores the reading and marks the document done, in one write transaction, if the document is still leased to
    /// <paramref name="worker"/> and not done; returns false (nothing stored) otherwise. The row is locked first, so a
    /// worker claiming it at the same moment skips it, and one that claimed it already has its name on it.
    /// </summary>
    public async Task<bool> CommitAsync(string worker, Guid documentId, ExtractionResult result, ChangeContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        return await dialect.RetryAsync(async ct =>
        {
            await using var connection = await dialect.OpenAsync(ct);
            await using var tx = await dialect.BeginWriteAsync(connection, ct);
            await using (var mine = connection.Sql(tx, $"SELECT document_id FROM extraction_work WHERE document_id = @doc AND leased_by = @worker AND done_version IS NULL{Lock}"))
            {
                mine.AddParameter("@doc", documentId.ToString("D")).AddParameter("@worker", worker);
                if (await mine.ExecuteScalarAsync(ct) is null)
                {
                    await tx.RollbackAsync(ct);
                    return false;
                }
            }

            await using (var read = connection.Sql(tx, "SELECT COUNT(*) FROM extractions WHERE document_id = @doc"))
            {
                read.AddParameter("@doc", documentId.ToString("D"));
                // Read by another path meanwhile (ingest, reextract): the reading stands, the work is done.
                if (Convert.ToInt64(await read.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 0)
                {
                    await ExtractionStore.InsertAsync(connection, tx, documentId, engineVersion, result, context, now, ct);
                }
            }

            await using (var done = connection.Sql(tx, "UPDATE extraction_work SET done_version = @version, leased_by = NULL, lease_until = NULL WHERE document_id = @doc"))
            {
                done.AddParameter("@version", engineVersion).AddParameter("@doc", documentId.ToString("D"));
                await done.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
            return true;
        }, cancellationToken);
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
