using System.Threading.Channels;
using Marsad.Core.Storage;

namespace Marsad.Core.Records;

/// <summary>What an upsert did: records inserted, updated, left as they were, and replaced by the sweep.</summary>
public sealed record UpsertCounts(int Inserted, int Updated, int Unchanged, int Swept);

/// <summary>
/// After an upsert: <see cref="PayloadContains"/> narrows the stored records read (a text the payload must hold, so
/// a sweep over one dataset's rows does not parse every event), <see cref="Replace"/> returns a record's new state or null.
/// </summary>
public sealed record RecordSweep<T>(string PayloadContains, Func<T, T?> Replace, ChangeContext Context) where T : class;

/// <summary>The upsert of <see cref="IRecordStore.UpsertManyAsync"/>: one write transaction, prepared statements reused.</summary>
internal static class RecordUpsert
{
    public static async Task<UpsertCounts> RunAsync<T>(SqlDialect dialect, DateTimeOffset now, IAsyncEnumerable<T> records, Func<T, T, T?> merge, RecordSweep<T>? sweep, ChangeContext context, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(merge);
        ArgumentNullException.ThrowIfNull(context);
        var kind = RecordKinds.For(typeof(T));
        int inserted = 0, updated = 0, unchanged = 0, swept = 0;
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await dialect.BeginWriteAsync(connection, cancellationToken);
        await using (var session = new WriteSession(connection, tx) { Dialect = dialect })
        {
            var select = $"SELECT version, payload FROM {kind.Table} WHERE id = @id";
            // The ids stored before this upsert, read once: a row whose id is not among them (most rows of a first
            // import) needs no look-up.
            var existing = await StoredIdsAsync(session, kind, cancellationToken);
            // Events' analytics are maintained set-based for the inserts (see IBulkEventInserts), begun at the first insert.
            IBulkEventInserts? bulk = null;
            var bulkTried = !ReferenceEquals(kind, RecordKinds.Events);
            // Over the network, inserts are gathered and written together (see IPendingInserts), before anything else runs.
            await using var batched = dialect.PendingInserts(session, context, now);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var queue = Channel.CreateBounded<(T Record, Guid Id, PreparedInsert? Insert)>(new BoundedChannelOptions(512) { SingleReader = true, SingleWriter = true });
            var producer = Task.Run(() => PrepareAsync(records, kind, existing, queue.Writer, stop.Token), stop.Token);
            try
            {
                await foreach (var (record, id, prepared) in queue.Reader.ReadAllAsync(cancellationToken))
                {
                    // Not prepared: stored before, or already met in this upsert (then inserted by it and found here).
                    if (prepared is null && batched is not null)
                    {
                        await batched.FlushAsync(cancellationToken);
                    }

                    var stored = prepared is null ? await ReadAsync(session, select, id, cancellationToken) : null;
                    if (stored is null)
                    {
                        if (!bulkTried)
                        {
                            bulkTried = true;
                            bulk = await dialect.BeginBulkEventInsertsAsync(session, cancellationToken);
                        }

                        if (batched is not null)
                        {
                            await batched.AddAsync(prepared ?? PreparedInsert.OfBulk(record), cancellationToken);
                        }
                        else
                        {
                            await RecordStore.InsertAsync(session, prepared ?? PreparedInsert.OfBulk(record), context, now, cancellationToken);
                        }

                        bulk?.Inserted(id);
                        inserted++;
                        continue;
                    }

                    if (merge(record, RecordStore.Deserialize<T>(stored.Value.Payload)) is { } next)
                    {
                        // The update's trigger takes the event's old state out of the totals: they must hold every insert first.
                        if (bulk is not null)
                        {
                            await bulk.ApplyAsync(cancellationToken);
                        }

                        if (await RecordStore.UpdateInTransactionAsync(session, next, stored.Value.Version, context, now, cancellationToken) != stored.Value.Version)
                        {
                            updated++;
                            continue;
                        }
                    }

                    unchanged++;
                }
            }
            finally
            {
                // A failed write stops the reading side too; its own failure surfaces from ReadAllAsync above.
                await stop.CancelAsync();
                try
                {
                    await producer;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                }
            }

            if (batched is not null)
            {
                await batched.FlushAsync(cancellationToken);
            }

            if (bulk is not null)
            {
                await bulk.FinishAsync(cancellationToken);
            }

            if (sweep is not null)
            {
                swept = await SweepAsync(session, kind, sweep, now, cancellationToken);
            }
        }

        await dialect.BeforeCommitAsync(connection, tx, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await dialect.AfterCommitAsync(cancellationToken);
        return new UpsertCounts(inserted, updated, unchanged, swept);
    }

    /// <summary>
    /// Reads the records and does each new one's database-free work (<see cref="PreparedInsert"/>) on another core than
    /// the write transaction's, a bounded queue ahead of it. Only this side knows which ids it has met, so only it decides
    /// which records are new; the writer looks up the rest.
    /// </summary>
    private static async Task PrepareAsync<T>(IAsyncEnumerable<T> records, RecordKind kind, HashSet<Guid> stored, ChannelWriter<(T, Guid, PreparedInsert?)> queue, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var met = new HashSet<Guid>();
            await foreach (var record in records.WithCancellation(cancellationToken))
            {
                var id = kind.Id(record);
                var fresh = !stored.Contains(id) && met.Add(id);
                await queue.WriteAsync((record, id, fresh ? PreparedInsert.OfBulk(record) : null), cancellationToken);
            }

            queue.Complete();
        }
        catch (Exception ex)
        {
            queue.Complete(ex);
            throw;
        }
    }

    private static async Task<int> SweepAsync<T>(WriteSession session, RecordKind kind, RecordSweep<T> sweep, DateTimeOffset now, CancellationToken cancellationToken) where T : class
    {
        var candidates = new List<(long Version, T Record)>();
        var command = session.Command($"SELECT version, payload FROM {kind.Table} WHERE payload LIKE @pattern");
        command.AddParameter("@pattern", "%" + sweep.PayloadContains + "%");
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add((reader.GetInt64(0), RecordStore.Deserialize<T>(reader.GetString(1))));
            }
        }

        var swept = 0;
        foreach (var (version, record) in candidates)
        {
            if (sweep.Replace(record) is { } replacement)
            {
                await RecordStore.UpdateInTransactionAsync(session, replacement, version, sweep.Context, now, cancellationToken);
                swept++;
            }
        }

        return swept;
    }

    private static async Task<HashSet<Guid>> StoredIdsAsync(WriteSession session, RecordKind kind, CancellationToken cancellationToken)
    {
        var ids = new HashSet<Guid>();
        await using var reader = await session.Command($"SELECT id FROM {kind.Table}").ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    private static async Task<(long Version, string Payload)?> ReadAsync(WriteSession session, string sql, Guid id, CancellationToken cancellationToken)
    {
        var command = session.Command(sql);
        command.AddParameter("@id", id.ToString("D"));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }
}
