using System.Globalization;
using Marsad.Core.Extract.Workers;
using Marsad.Core.Intake;
using Marsad.Core.Storage;
using Marsad.Extraction;

namespace Marsad.Core.Tests.Extract.Workers;

public sealed class ExtractionWorkerTests
{
    private static readonly string[] Places = ["al-Mayadin", "Hajin", "Idlib", "Douma", "Manbij", "Deir ez-Zor"];

    /// <summary>Documents written for this test: each names a different place, day and toll, so their readings differ.</summary>
    private static async Task<IReadOnlyList<Guid>> StoreDocumentsAsync(IMarsadStore store, TempFolder folder, int count)
    {
        var paths = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var day = (i % 27) + 1;
            paths.Add(folder.Write($"d{i:000}.md", string.Create(CultureInfo.InvariantCulture, $"""
                ---
                title: Field note {i}
                published: 2024-03-{day:00}
                source: Test Network
                ---

                On Friday, aircraft struck a farm near {Places[i % Places.Length]}, killing {(i % 9) + 2} civilians (note {i}).

                On Thursday, gunmen shot dead a shepherd in {Places[(i + 1) % Places.Length]}.
                """)));
        }

        var ingest = await new IngestDocuments(store, TimeProvider.System).RunAsync(new IngestRequest(paths), new ChangeContext("coder"));
        Assert.Equal(count, ingest.Outcomes.Count(o => o.Status == IngestStatus.Stored));
        return ingest.Outcomes.Select(o => o.DocumentId!.Value).ToList();
    }

    /// <summary>Every document read exactly once: one extraction row, its candidates linked once, its work row done.</summary>
    private static void AssertReadOnce(DatabaseTarget target, int count)
    {
        Assert.Equal(count, TestDatabases.Scalar(target, "SELECT COUNT(*) FROM extractions"));
        Assert.Equal(count, TestDatabases.Scalar(target, "SELECT COUNT(DISTINCT document_id) FROM extractions"));
        Assert.Equal(count, TestDatabases.Scalar(target, "SELECT COUNT(*) FROM extraction_work WHERE done_version IS NOT NULL AND leased_by IS NULL"));
        // The candidates each extraction row counts are in the record once: none lost, none stored by two workers.
        Assert.Equal(0, TestDatabases.Scalar(target, """
            SELECT COUNT(*) FROM extractions x
            WHERE x.events + x.claims + x.persons + x.allegations <> (SELECT COUNT(*) FROM record_documents r WHERE r.document_id = x.document_id)
            """));
        Assert.Equal(TestDatabases.Scalar(target, "SELECT SUM(events) FROM extractions"), TestDatabases.Scalar(target, "SELECT COUNT(*) FROM events"));
        Assert.True(TestDatabases.Scalar(target, "SELECT COUNT(*) FROM events") >= count, "every document reports at least one event");
    }

    [Fact]
    public async Task Four_workers_on_postgresql_with_one_killed_twice_read_every_document_exactly_once()
    {
        using var folder = new TempFolder();
        var target = TestDatabases.Target(DatabaseProvider.PostgreSql, folder);
        var store = await MarsadStorage.OpenAsync(target, TimeProvider.System);
        const int count = 200;
        await StoreDocumentsAsync(store, folder, count);

        var lease = TimeSpan.FromSeconds(1.5);
        WorkerOptions Options(string name, bool once) => new(name, lease, 10, once, TimeSpan.FromMilliseconds(200));
        ExtractionWorker Worker() => new(store, new ExtractionEngine(), EngineVersion.Current, TimeProvider.System);

        var killed = 0;
        long doomedCommitted = 0;
        for (var run = 0; run < 2; run++)
        {
            // Killed mid-batch: after its first batch is committed, with the next one claimed (leased) and not read.
            using var kill = new CancellationTokenSource();
            var progress = new Reporter(p =>
            {
                if (p.Committed > 0 && p.Holding > 0)
                {
                    doomedCommitted += p.Committed;
                    kill.Cancel();
                }
            });
            try
            {
                await Task.Run(() => Worker().RunAsync(Options($"doomed{run}", once: true), new ChangeContext("worker"), progress, kill.Token));
            }
            catch (OperationCanceledException)
            {
                killed++;
            }
        }

        // The other three start once the doomed worker has been killed twice: started with it, they could finish the
        // work before its second run claims a batch, and there would be no second kill to survive. Its last leases are
        // still held when they start: they take them over once the leases run out.
        var survivors = Enumerable.Range(1, 3).Select(n => Task.Run(() => Worker().RunAsync(Options($"w{n}", once: true), new ChangeContext("worker")))).ToList();
        var outcomes = await Task.WhenAll(survivors);
        Assert.Equal(2, killed);
        AssertReadOnce(target, count);
        // The killed workers' leased documents were claimed again once their leases ran out.
        Assert.True(TestDatabases.Scalar(target, "SELECT SUM(attempts) FROM extraction_work") > count);
        Assert.All(outcomes, o => Assert.Equal(0, o.Open));
        Assert.InRange(doomedCommitted, 2, count);
        Assert.Equal(count - doomedCommitted, outcomes.Sum(o => o.Committed));
    }

    [Fact]
    public async Task One_worker_on_sqlite_reads_every_document_once_and_a_second_run_finds_nothing()
    {
        using var folder = new TempFolder();
        var target = TestDatabases.Target(DatabaseProvider.Sqlite, folder);
        var store = await MarsadStorage.OpenAsync(target, TimeProvider.System);
        const int count = 12;
        await StoreDocumentsAsync(store, folder, count);
        var worker = new ExtractionWorker(store, new ExtractionEngine(), EngineVersion.Current, TimeProvider.System);
        var options = new WorkerOptions("solo", TimeSpan.FromSeconds(30), 5, Once: true, TimeSpan.FromMilliseconds(50));

        var first = await worker.RunAsync(options, new ChangeContext("worker"));
        var second = await worker.RunAsync(options, new ChangeContext("worker"));

        Assert.Equal(count, first.Committed);
        Assert.Equal(0, second.Committed);
        AssertReadOnce(target, count);
    }

    private sealed class Reporter(Action<WorkerProgress> report) : IProgress<WorkerProgress>
    {
        public void Report(WorkerProgress value) => report(value);
    }
}
