using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using Marsad.Web;

namespace Marsad.Bench.Web;

/// <summary>
/// <c>web-load</c>: the server on 127.0.0.1 over a SQLite table of generated events, and an open-loop client
/// that sends <c>GET /api/events</c> with filters on a fixed schedule (request i leaves at i/rate seconds,
/// whether or not earlier ones have answered). Latency counts from the scheduled time, so a stalled server
/// cannot hide its queue (no coordinated omission). Prints the achieved rate and p50/p95/p99.
/// </summary>
internal static class WebLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var count = options.Int("--events", 100_000);
        var rate = options.Int("--rate", 1000);
        var seconds = options.Int("--seconds", 30);
        var keep = options.String("--keep");
        var folder = keep ?? Directory.CreateTempSubdirectory("marsad-web-load-").FullName;
        try
        {
            var fill = Stopwatch.StartNew();
            var store = keep is not null && File.Exists(Path.Combine(keep, "bench.db"))
                ? await MarsadStorage.OpenAsync(new Core.Storage.DatabaseTarget(Core.Storage.DatabaseProvider.Sqlite, Path.Combine(keep, "bench.db")), TimeProvider.System)
                : await EventTable.CreateAsync(folder, count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} events in SQLite in {fill.Elapsed.TotalSeconds:F1} s"));
            var app = MarsadWebApp.Build(new MarsadWebOptions { Database = store.Target, Urls = ["http://127.0.0.1:0"], Quiet = true }, store);
            await app.StartAsync();
            var address = new Uri(MarsadWebApp.Addresses(app)[0]);
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            var queries = Queries(new Random(3), 4096);
            if (options.String("--only") is { } only)
            {
                // One kind of query only (type, admin1, bbox, geojson): to see which one costs what.
                var kind = Array.IndexOf(["type", "admin1", "bbox", "geojson"], only);
                queries = [.. queries.Where((_, i) => i % 4 == kind)];
            }

            Console.WriteLine($"server {address}; warming up");
            foreach (var q in queries.Take(300))
            {
                (await client.GetAsync(q)).EnsureSuccessStatusCode();
            }

            // CPU time per request (client and server together), measured one request at a time: unlike wall-clock
            // latency it hardly depends on what else the machine runs, and it bounds the rate the cores can hold.
            foreach (var pass in new[] { "first (pages rendered)", "again (pages cached)" })
            {
                var process = Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                var sequential = Stopwatch.StartNew();
                foreach (var q in queries.Skip(300).Take(1000))
                {
                    (await client.GetAsync(q)).EnsureSuccessStatusCode();
                }

                process.Refresh();
                var cpuPerRequest = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / 1000;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"one at a time, {pass}: {sequential.Elapsed.TotalMilliseconds / 1000:F2} ms wall, {cpuPerRequest:F2} ms CPU per request (client + server) → at most {Environment.ProcessorCount * 1000 / cpuPerRequest:F0} req/s on {Environment.ProcessorCount} cores"));
            }

            var result = await RunScheduleAsync(client, queries, rate, seconds);
            await app.StopAsync();
            await app.DisposeAsync();
            Report(result, rate, seconds);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (keep is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>A mix of what map and API users ask: a type or sub-type, a governorate, a month or a quarter, a box; 100 a page (the default).</summary>
    private static List<string> Queries(Random random, int count)
    {
        var types = new[] { "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Strategic developments" };
        var list = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var from = EventTable.First.AddDays(random.Next(2900));
            var to = from.AddDays(random.Next(2) == 0 ? 30 : 90);
            var range = $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
            list.Add((i % 4) switch
            {
                0 => $"/api/events?type={Uri.EscapeDataString(types[random.Next(types.Length)])}&{range}",
                1 => $"/api/events?admin1={Uri.EscapeDataString(EventTable.Governorates[random.Next(EventTable.Governorates.Length)])}&{range}",
                2 => Box(random, range),
                _ => $"/api/events?admin1={Uri.EscapeDataString(EventTable.Governorates[random.Next(EventTable.Governorates.Length)])}&type={Uri.EscapeDataString(types[random.Next(types.Length)])}&{range}&format=geojson",
            });
        }

        return list;
    }

    private static string Box(Random random, string range)
    {
        var west = 35.8 + (random.NextDouble() * 4);
        var south = 32.5 + (random.NextDouble() * 3);
        return FormattableString.Invariant($"/api/events?bbox={west:F2},{south:F2},{west + 0.5 + (random.NextDouble() * 2):F2},{south + 0.5 + (random.NextDouble() * 1.5):F2}&{range}");
    }

    private sealed record Outcome(double[] LatenciesMs, int Errors, double WallSeconds);

    private static async Task<Outcome> RunScheduleAsync(HttpClient client, List<string> queries, int rate, int seconds)
    {
        var total = rate * seconds;
        var latencies = new double[total];
        var errors = 0;
        var tasks = new Task[total];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var index = i;
            tasks[i] = Task.Run(async () =>
            {
                try
                {
                    // The whole body is read, into a pooled buffer: the client shares the cores with the server, so it
                    // should cost as little as it can without skipping any of the response.
                    using var response = await client.GetAsync(queries[index % queries.Count], HttpCompletionOption.ResponseHeadersRead);
                    var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
                    try
                    {
                        await using var body = await response.Content.ReadAsStreamAsync();
                        while (await body.ReadAsync(buffer) > 0)
                        {
                        }
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
                catch (IOException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
            });
        }

        await Task.WhenAll(tasks);
        return new Outcome(latencies, errors, clock.Elapsed.TotalSeconds);
    }

    private static void Report(Outcome outcome, int rate, int seconds)
    {
        var sorted = outcome.LatenciesMs.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scheduled {rate} req/s for {seconds} s: {sorted.Length:N0} requests in {outcome.WallSeconds:F1} s = {sorted.Length / outcome.WallSeconds:F0} req/s achieved, {outcome.Errors} errors"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency from scheduled send (ms): p50 {P(0.50):F1}  p95 {P(0.95):F1}  p99 {P(0.99):F1}  max {sorted[^1]:F1}  (target p99 < 50; {Environment.ProcessorCount} cores, client and server share them)"));
    }
}
