using Marsad.Core.Sources;
using Marsad.Core.Storage;
using Marsad.Extraction;

namespace Marsad.Core.Extract.Workers;

/// <summary>How one worker runs: its name on the leases, how long a lease lasts, how many documents it claims at a time.</summary>
/// <param name="WorkerId">The name on this worker's leases (host, process, a random suffix by default).</param>
/// <param name="Lease">How long a claimed document stays this worker's before another may take it over.</param>
/// <param name="Batch">How many documents to claim at a time.</param>
/// <param name="Once">Stop when no document is left to read (waiting out other workers' leases first); otherwise keep waiting for new documents.</param>
/// <param name="Idle">How long to wait before looking again when nothing can be claimed.</param>
public sealed record WorkerOptions(string WorkerId, TimeSpan Lease, int Batch, bool Once, TimeSpan Idle)
{
    public static string DefaultId() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
}

/// <summary>What a worker did so far: documents committed, documents it lost to another worker (its lease ran out), documents still open.</summary>
public sealed record WorkerProgress(string WorkerId, long Committed, long Lost, long Open)
{
    /// <summary>Documents this worker has claimed and not committed yet (reported when it claims a batch).</summary>
    public int Holding { get; init; }
}

/// <summary>
/// <c>marsad worker</c>: reads stored documents that no engine has read yet, side by side with other workers on the same
/// database. Each claims a batch under a lease, extracts its documents (in memory) and commits their readings together
/// with their "done" marks in one transaction; a worker killed mid-batch leaves its documents leased until the lease runs out, and then another
/// worker takes them over. No document is read into the record twice or left unread.
/// </summary>
public sealed class ExtractionWorker(IMarsadStore store, ExtractionEngine engine, string engineVersion, TimeProvider time)
{
    public async Task<WorkerProgress> RunAsync(WorkerOptions options, ChangeContext context, IProgress<WorkerProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Batch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Lease, TimeSpan.Zero);
        var dialect = (store as MarsadStore)?.Dialect ?? throw new ArgumentException("a worker needs a database store", nameof(store));
        var queue = new ExtractionWorkQueue(dialect, engineVersion);
        var why = new ChangeContext(context.Author, context.Reason ?? $"extracted by worker {options.WorkerId}");
        long committed = 0, lost = 0;
        await queue.EnqueueAsync(cancellationToken);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var claimedAt = time.GetUtcNow();
            var batch = await queue.ClaimAsync(options.WorkerId, options.Batch, claimedAt, options.Lease, cancellationToken);
            if (batch.Count == 0)
            {
                // New documents may have been stored since the last look; queue them before deciding there is no work.
                if (await queue.EnqueueAsync(cancellationToken) > 0)
                {
                    continue;
                }

                var open = await queue.OpenCountAsync(cancellationToken);
                progress?.Report(new WorkerProgress(options.WorkerId, committed, lost, open));
                if (open == 0 && options.Once)
                {
                    return new WorkerProgress(options.WorkerId, committed, lost, 0);
                }

                // Open documents leased by others: one of them may have died, so look again when leases may have run out.
                await Task.Delay(options.Idle, time, cancellationToken);
                continue;
            }

            // Claimed and not committed yet: a worker stopped now leaves these leased until the lease runs out.
            progress?.Report(new WorkerProgress(options.WorkerId, committed, lost, -1) { Holding = batch.Count });
            var notPlaces = await SourceNamesNotPlaces.ReadAsync(store.Sources, cancellationToken);
            for (var start = 0; start < batch.Count; start += ExtractionWorkQueue.MaxCommit)
            {
                var part = batch.Skip(start).Take(ExtractionWorkQueue.MaxCommit).ToList();
                // Read in memory first, then committed together: one write transaction (one turn at the chain's lock) a batch.
                var readings = new List<(Guid DocumentId, ExtractionResult Result)>(part.Count);
                foreach (var id in part)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // Past half the lease, extend it for what is not committed yet, so a slow batch is not taken over while alive.
                    if (time.GetUtcNow() - claimedAt > options.Lease / 2)
                    {
                        claimedAt = time.GetUtcNow();
                        await queue.RenewAsync(options.WorkerId, [.. batch.Skip(start)], claimedAt + options.Lease, cancellationToken);
                    }

                    var document = await store.Documents.FindAsync(id.ToString("D"), cancellationToken);
                    if (document is not null)
                    {
                        readings.Add((id, engine.Extract(new DocumentInput(document.CleanText, document.Published, document.SourceName, document.Title, id.ToString("D"), notPlaces))));
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
                var stored = await queue.CommitAsync(options.WorkerId, readings, why, time.GetUtcNow(), cancellationToken);
                committed += stored;
                lost += readings.Count - stored;
                progress?.Report(new WorkerProgress(options.WorkerId, committed, lost, -1));
            }
        }
    }
}
