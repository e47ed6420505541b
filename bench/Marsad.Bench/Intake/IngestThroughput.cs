using System.Diagnostics;
using Marsad.Core.Intake;
using Marsad.Core.Storage;

namespace Marsad.Bench.Intake;

/// <summary>
/// Ingest throughput: N generated reports of about S bytes written as .txt files, then ingested
/// by the same use case as <c>marsad ingest</c> into a fresh SQLite database (documents only, or with
/// <c>--extract</c> also the engine's proposals). Reports the median of
/// R runs (each on a new database) in documents and megabytes per second.
/// </summary>
internal static class IngestThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var count = options.Int("--documents", 10_000);
        var size = options.Int("--size", 5_000);
        var runs = options.Int("--runs", 3);
        // --extract: also run the extraction engine on each document and store its proposals, as marsad ingest does by default.
        var engine = args.Contains("--extract") ? new Marsad.Extraction.ExtractionEngine(Marsad.Extraction.Geography.GazetteerGeocoder.LoadDefault(), Marsad.Extraction.Recognition.Actors.ActorLexicon.Default) : null;
        var root = Path.Combine(Path.GetTempPath(), "marsad-bench-ingest-" + Environment.ProcessId);
        var input = Path.Combine(root, "reports");
        Directory.CreateDirectory(input);
        try
        {
            long bytes = 0;
            for (var i = 0; i < count; i++)
            {
                var text = ReportGenerator.Report(i, size);
                bytes += text.Length;
                await File.WriteAllTextAsync(Path.Combine(input, $"report-{i:00000}.txt"), text);
            }

            Console.WriteLine($"ingest-throughput: {count} documents, {bytes / (double)count:0} bytes on average, {runs} runs, each into a new SQLite database, {(engine is null ? "documents only (--no-extract)" : "with extraction")}");
            var rates = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                var database = Path.Combine(root, $"run{run}.db");
                var store = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, database), TimeProvider.System);
                var clock = Stopwatch.StartNew();
                var summary = await new IngestDocuments(store, TimeProvider.System, engine).RunAsync(new IngestRequest([input]), new ChangeContext("bench"));
                clock.Stop();
                if (summary.Stored != count)
                {
                    Console.Error.WriteLine($"run {run}: stored {summary.Stored} of {count} (failed {summary.Failed})");
                    return 1;
                }

                var rate = count / clock.Elapsed.TotalSeconds;
                rates.Add(rate);
                Console.WriteLine($"  run {run}: {clock.Elapsed.TotalSeconds:0.00} s, {rate:0} documents/s, {bytes / clock.Elapsed.TotalSeconds / 1e6:0.00} MB/s");
            }

            rates.Sort();
            Console.WriteLine($"median: {rates[rates.Count / 2]:0} documents/s");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}
