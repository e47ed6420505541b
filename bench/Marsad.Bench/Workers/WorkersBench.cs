using System.Diagnostics;
using System.Globalization;
using Marsad.Bench.Intake;
using Marsad.Core.Intake;
using Marsad.Core.Storage;
using Npgsql;

namespace Marsad.Bench.Workers;

/// <summary>
/// <c>workers</c>: N generated documents stored unread in an empty PostgreSQL database, then W <c>marsad worker --once</c>
/// processes reading them side by side; one is killed (SIGKILL) at a quarter and again at half of the work and started
/// again each time. Prints documents/s over the workers' run and the exactly-once check (one extraction per document, its
/// candidates in the record once, every work row done).
/// </summary>
internal static class WorkersBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var db = options.String("--db") ?? Environment.GetEnvironmentVariable("MARSAD_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(db))
        {
            Console.Error.WriteLine("workers: needs an empty PostgreSQL database: --db postgres://user@host:port/db (or MARSAD_BENCH_POSTGRES)");
            return 2;
        }

        var count = options.Int("--documents", 50_000);
        var workers = options.Int("--workers", 4);
        var size = options.Int("--size", 1500);
        var lease = options.String("--lease") ?? "10s";
        var marsad = options.String("--marsad") ?? Path.Combine(RepositoryRoot(), "src/Marsad.Cli/bin/Release/net10.0/marsad");
        var target = DatabaseTarget.Parse(db);
        var store = await MarsadStorage.OpenAsync(target, TimeProvider.System);
        if (await store.Documents.CountAsync() != 0)
        {
            Console.Error.WriteLine("workers: the database already holds documents; give an empty one");
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("marsad-workers-");
        try
        {
            var paths = Enumerable.Range(0, count).Select(i =>
            {
                var path = Path.Combine(folder.FullName, $"r{i:000000}.md");
                File.WriteAllText(path, ReportGenerator.Report(i, size));
                return path;
            }).ToList();
            var storing = Stopwatch.StartNew();
            var ingest = await new IngestDocuments(store, TimeProvider.System).RunAsync(new IngestRequest(paths), new ChangeContext("bench"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored {ingest.Stored} generated documents (~{size} bytes) unread in {storing.Elapsed.TotalSeconds:0.0} s"));
            var stored = ingest.Stored;

            var connection = new Core.Storage.Postgres.PostgresDialect(target.Value).ConnectionString;
            var clock = Stopwatch.StartNew();
            var running = Enumerable.Range(1, workers).Select(n => Start(marsad, db, $"w{n}", lease)).ToArray();
            var kills = 0;
            foreach (var share in new[] { 0.25, 0.5 })
            {
                while (await DoneAsync(connection) < stored * share && !running[0].HasExited)
                {
                    await Task.Delay(100);
                }

                if (!running[0].HasExited)
                {
                    running[0].Kill(entireProcessTree: true);
                    await running[0].WaitForExitAsync();
                    kills++;
                    var doneAtKill = await DoneAsync(connection);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"killed w1 at {doneAtKill} done ({clock.Elapsed.TotalSeconds:0.0} s); started again"));
                }

                running[0] = Start(marsad, db, $"w1-{kills}", lease);
            }

            foreach (var process in running)
            {
                await process.WaitForExitAsync();
            }

            var seconds = clock.Elapsed.TotalSeconds;
            var check = await CheckAsync(connection);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{workers} workers (lease {lease}), {kills} kills: {stored} documents in {seconds:0.0} s = {stored / seconds:0.0} documents/s; claims {check.Attempts} (retaken after kills {check.Attempts - stored})"));
            // Duplicates: extractions beyond the first of a document; missing: stored documents with none.
            var duplicates = check.Extractions - check.Distinct;
            var missing = stored - check.Distinct;
            var once = duplicates == 0 && missing == 0 && check.Done == stored && check.Mismatched == 0 && check.Events == check.EventsCounted;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"documents {stored}, extractions {check.Extractions}, duplicates {duplicates}, missing {missing}, wall {seconds:0.0} s, {stored / seconds:0.0} docs/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"exactly once: {(once ? "yes" : "NO")} — work rows done {check.Done}, documents whose candidates differ from their extraction {check.Mismatched}, events {check.Events} = counted {check.EventsCounted}; load average {Load()}"));
            return once ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static Process Start(string marsad, string db, string name, string lease)
    {
        var start = new ProcessStartInfo(marsad) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "worker", "--once", "--batch", "20", "--lease", lease, "--name", name })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MARSAD_DB"] = db;
        var process = Process.Start(start)!;
        // Drain both pipes so a chatty worker never blocks on a full pipe.
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) { Console.WriteLine($"  [{name}] {line}"); } };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<long> DoneAsync(string connection) => await ScalarAsync(connection, "SELECT COUNT(*) FROM extraction_work WHERE done_version IS NOT NULL");

    private static async Task<(long Extractions, long Distinct, long Done, long Mismatched, long Events, long EventsCounted, long Attempts)> CheckAsync(string connection) => (
        await ScalarAsync(connection, "SELECT COUNT(*) FROM extractions"),
        await ScalarAsync(connection, "SELECT COUNT(DISTINCT document_id) FROM extractions"),
        await ScalarAsync(connection, "SELECT COUNT(*) FROM extraction_work WHERE done_version IS NOT NULL AND leased_by IS NULL"),
        await ScalarAsync(connection, "SELECT COUNT(*) FROM extractions x WHERE x.events + x.claims + x.persons + x.allegations <> (SELECT COUNT(*) FROM record_documents r WHERE r.document_id = x.document_id)"),
        await ScalarAsync(connection, "SELECT COUNT(*) FROM events"),
        await ScalarAsync(connection, "SELECT COALESCE(SUM(events), 0) FROM extractions"),
        await ScalarAsync(connection, "SELECT COALESCE(SUM(attempts), 0) FROM extraction_work"));

    private static async Task<long> ScalarAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marsad.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
