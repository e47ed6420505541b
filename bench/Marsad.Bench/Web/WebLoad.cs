using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Marsad.Core.Access;
using Marsad.Core.Storage;
using Npgsql;

namespace Marsad.Bench.Web;

/// <summary>
/// <c>web-load</c>, issue 17's criterion: <c>marsad serve</c> started as its own process over a new database of
/// generated events (SQLite or PostgreSQL), pinned to one core, and this process, pinned to the other, sending
/// <c>GET /api/events</c> with filters on a fixed schedule (request i leaves at i/rate seconds whether or not earlier
/// ones have answered; latency counts from the scheduled time, so a stalled server cannot hide its queue). No request
/// reaches the server before the measured run (only /health, to know it listens): the first request of each query
/// counts. Meanwhile a coder accepts one proposal a second through <c>POST /api/review/decisions</c>, as the review
/// page does, so the reads run against a record being written.
/// </summary>
internal static class WebLoad
{
    private const string PinnedVariable = "MARSAD_WEB_LOAD_PINNED";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var cores = Environment.ProcessorCount;
        // Once pinned, this process sees one core (ProcessorCount follows the affinity): the variable says it was started so.
        var pinned = Environment.GetEnvironmentVariable(PinnedVariable) is not null;
        var pin = pinned || (options.String("--no-pin") is null && cores >= 2 && File.Exists("/usr/bin/taskset"));
        if (pin && !pinned)
        {
            // The load generator on core 0: this process again, under taskset, so every thread it starts stays there.
            return await RunPinnedAsync(args);
        }

        var provider = options.String("--db") ?? "sqlite";
        if (provider is not ("sqlite" or "postgres"))
        {
            Console.Error.WriteLine("web-load: --db sqlite|postgres (postgres needs --postgres \"Host=...;Username=...;Database=postgres\", a server where this role may create databases)");
            return 2;
        }

        var server = options.String("--postgres") ?? Environment.GetEnvironmentVariable("MARSAD_BENCH_POSTGRES");
        if (provider == "postgres" && server is null)
        {
            Console.Error.WriteLine("web-load: --db postgres needs --postgres \"Host=...;Username=...;Database=postgres\" (or MARSAD_BENCH_POSTGRES)");
            return 2;
        }

        var count = options.Int("--events", 100_000);
        var rate = options.Int("--rate", 1000);
        var seconds = options.Int("--seconds", 30);
        var marsad = options.String("--marsad") ?? Path.Combine(RepositoryRoot(), "src/Marsad.Cli/bin/Release/net10.0/marsad");
        var folder = Directory.CreateTempSubdirectory("marsad-web-load-").FullName;
        var database = "marsad_webload_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var admin = server is null ? null : new NpgsqlConnectionStringBuilder(Core.Storage.Postgres.PostgresDialect.ToConnectionString(server)) { Pooling = false }.ConnectionString;
        Process? serve = null;
        try
        {
            DatabaseTarget target;
            if (admin is not null)
            {
                await ExecuteAsync(admin, $"CREATE DATABASE {database}");
                target = new DatabaseTarget(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(admin) { Database = database, Pooling = true }.ConnectionString);
            }
            else
            {
                target = new DatabaseTarget(DatabaseProvider.Sqlite, Path.Combine(folder, "bench.db"));
            }

            var fill = Stopwatch.StartNew();
            // One proposal a second is accepted: a few more than the run needs, so the writer never runs dry.
            var proposals = seconds + 20;
            var store = await EventTable.CreateAsync(target, count, proposals);
            await store.Accounts.SaveAsync("bench-coder", Role.Coder, "bench coder password");
            var token = await store.Accounts.CreateTokenAsync("bench-coder");
            var queue = await ProposalsAsync(target, proposals);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} events ({proposals} of them proposals to review) in {provider} in {fill.Elapsed.TotalSeconds:F1} s"));
            if (target.Provider == DatabaseProvider.Sqlite)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }
            else
            {
                NpgsqlConnection.ClearAllPools();
            }

            var port = FreePort();
            var address = new Uri($"http://127.0.0.1:{port}");
            serve = StartServer(marsad, target, address, pin ? 1 : null);
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            await WaitForHealthAsync(client, serve);
            var queries = Queries(new Random(3), 4096);
            Console.WriteLine($"server {address} (marsad serve, pid {serve.Id}, {(pin ? "core 1" : "not pinned")}); load generator pid {Environment.ProcessId} ({(pin ? "core 0" : "not pinned")}); no warm-up; load average before {Load()}");

            var serverCpu = ProcessCpu(serve.Id);
            var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
            using var stop = new CancellationTokenSource();
            var writer = WriteAsync(address, token, queue, stop.Token);
            var result = await RunScheduleAsync(client, queries, rate, seconds, () => ProcessCpu(serve.Id) - serverCpu);
            await stop.CancelAsync();
            var writes = await writer;
            var serverUsed = ProcessCpu(serve.Id) - serverCpu;
            var clientUsed = (Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalSeconds;
            Report(result, rate, seconds, writes, queries.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU over the run: server {serverUsed:F1} s ({serverUsed * 1000 / result.LatenciesMs.Length:F2} ms a request), load generator {clientUsed:F1} s; load average after {Load()}"));
            if (result.FirstPass is { } first)
            {
                // Every query is new in the first pass (start-up, JIT and a render each); afterwards pages repeat.
                var rest = serverUsed - first.ServerCpu;
                var later = result.LatenciesMs.Length - queries.Count;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"server CPU: first pass ({queries.Count:N0} new queries, all answered {first.Seconds:F1} s into the run) {first.ServerCpu:F1} s = {first.ServerCpu * 1000 / queries.Count:F2} ms a request; the {later:N0} after it {rest:F1} s = {(later > 0 ? rest * 1000 / later : double.NaN):F2} ms a request"));
            }
            return 0;
        }
        finally
        {
            if (serve is { HasExited: false })
            {
                serve.Kill(entireProcessTree: true);
                await serve.WaitForExitAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (admin is not null)
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>This bench again under <c>taskset -c 0</c> (the same host, assembly and arguments); its exit code.</summary>
    private static async Task<int> RunPinnedAsync(string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/taskset") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("0");
        start.ArgumentList.Add(Environment.ProcessPath!);
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(WebLoad).Assembly.Location);
        }

        start.ArgumentList.Add("web-load");
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[PinnedVariable] = "0";
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    private static Process StartServer(string marsad, DatabaseTarget target, Uri address, int? core)
    {
        var start = new ProcessStartInfo(core is null ? marsad : "/usr/bin/taskset") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (core is { } c)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(c.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add(marsad);
        }

        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.Environment["MARSAD_DB"] = target.Value;
        var process = Process.Start(start)!;
        // Drained so a chatty server never blocks on a full pipe; its errors are shown.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine("  [serve] " + line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(HttpClient client, Process serve)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (serve.HasExited)
            {
                throw new InvalidOperationException($"marsad serve exited with {serve.ExitCode} before it listened");
            }

            try
            {
                using var response = await client.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("marsad serve did not answer /health within 2 minutes");
    }

    /// <summary>The proposals the writer accepts, oldest first.</summary>
    private static async Task<Queue<string>> ProposalsAsync(DatabaseTarget target, int count)
    {
        await using DbConnectionHolder holder = new(target);
        await using var command = holder.Connection.CreateCommand();
        command.CommandText = $"SELECT id FROM events WHERE status = 'extracted' ORDER BY id LIMIT {count}";
        var ids = new Queue<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Enqueue(reader.GetString(0));
        }

        return ids;
    }

    private sealed class DbConnectionHolder(DatabaseTarget target) : IAsyncDisposable
    {
        public System.Data.Common.DbConnection Connection { get; } = Open(target);

        private static System.Data.Common.DbConnection Open(DatabaseTarget target)
        {
            System.Data.Common.DbConnection connection = target.Provider == DatabaseProvider.Sqlite
                ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={target.Value};Pooling=False")
                : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.Value) { Pooling = false }.ConnectionString);
            connection.Open();
            return connection;
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    private sealed record Writes(int Done, int Failed, double[] LatenciesMs);

    /// <summary>One review decision a second (accept the next proposal, at the version it was stored with) until stopped.</summary>
    private static async Task<Writes> WriteAsync(Uri address, string token, Queue<string> proposals, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var done = 0;
        var failed = 0;
        var times = new List<double>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop) && proposals.TryDequeue(out var id))
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/review/decisions", new Dictionary<string, object> { ["kind"] = "event", ["id"] = id, ["action"] = "accept", ["version"] = 1 }, CancellationToken.None);
                    if (response.IsSuccessStatusCode)
                    {
                        done++;
                    }
                    else
                    {
                        failed++;
                        Console.Error.WriteLine($"  [writer] {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                    }
                }
                catch (HttpRequestException e)
                {
                    failed++;
                    Console.Error.WriteLine($"  [writer] {e.Message}");
                }

                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        catch (OperationCanceledException)
        {
        }

        return new Writes(done, failed, [.. times]);
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

    private sealed record Outcome(double[] LatenciesMs, int Errors, int Timeouts, int Statuses, double WallSeconds, FirstPass? FirstPass);

    /// <summary>When the last of the first pass's requests was answered (seconds into the run) and the server's CPU until then.</summary>
    private sealed record FirstPass(double Seconds, double ServerCpu);

    private static async Task<Outcome> RunScheduleAsync(HttpClient client, List<string> queries, int rate, int seconds, Func<double> serverCpu)
    {
        var firstPassLeft = Math.Min(queries.Count, rate * seconds);
        FirstPass? firstPass = null;
        var total = rate * seconds;
        var latencies = new double[total];
        var errors = 0;
        var timeouts = 0;
        var statuses = 0;
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
                    // The whole body is read, into a pooled buffer: the generator should cost as little as it can without skipping any of the response.
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
                        Interlocked.Increment(ref statuses);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    Interlocked.Increment(ref errors);
                    if (e is TaskCanceledException)
                    {
                        Interlocked.Increment(ref timeouts);
                    }
                }

                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
                if (index < queries.Count && Interlocked.Decrement(ref firstPassLeft) == 0)
                {
                    firstPass = new FirstPass(clock.Elapsed.TotalSeconds, serverCpu());
                }
            });
        }

        await Task.WhenAll(tasks);
        return new Outcome(latencies, errors, timeouts, statuses, clock.Elapsed.TotalSeconds, firstPass);
    }

    private static void Report(Outcome outcome, int rate, int seconds, Writes writes, int distinct)
    {
        var sorted = outcome.LatenciesMs.Order().ToArray();
        double P(double[] values, double q) => values.Length == 0 ? double.NaN : values[Math.Min(values.Length - 1, (int)Math.Ceiling(q * values.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scheduled {rate} req/s for {seconds} s: {sorted.Length:N0} requests in {outcome.WallSeconds:F1} s = {sorted.Length / outcome.WallSeconds:F0} req/s achieved, {outcome.Errors} errors ({outcome.Timeouts} past the client's 30 s timeout, {outcome.Statuses} answered with an error status, the rest refused or cut)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency from scheduled send (ms): p50 {P(sorted, 0.50):F1}  p95 {P(sorted, 0.95):F1}  p99 {P(sorted, 0.99):F1}  max {sorted[^1]:F1}  (target p99 < 50)"));
        if (outcome.LatenciesMs.Length > distinct)
        {
            // The same split as the CPU line: where in the run the slow requests were.
            var first = outcome.LatenciesMs[..distinct].Order().ToArray();
            var repeats = outcome.LatenciesMs[distinct..].Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  first pass ({distinct:N0} new queries): p50 {P(first, 0.50):F1}  p99 {P(first, 0.99):F1}  max {first[^1]:F1};  after it ({repeats.Length:N0}): p50 {P(repeats, 0.50):F1}  p99 {P(repeats, 0.99):F1}  max {repeats[^1]:F1}"));
        }
        var writeTimes = writes.LatenciesMs.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"writes: {writes.Done} review decisions accepted, {writes.Failed} failed (one a second); decision p50 {P(writeTimes, 0.5):F1} ms, max {(writeTimes.Length > 0 ? writeTimes[^1] : double.NaN):F1} ms"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>CPU seconds a process has used (utime + stime from /proc, 100 ticks a second).</summary>
    private static double ProcessCpu(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
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
