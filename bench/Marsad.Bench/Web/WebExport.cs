using System.Diagnostics;
using System.Globalization;
using Marsad.Web;

namespace Marsad.Bench.Web;

/// <summary>
/// <c>web-export</c>: <c>GET /api/events?format=csv</c> over N generated events (default 1,000,000), read by the
/// client as a stream; reports rows, rate, and the process's peak managed heap while the export ran, which must
/// stay flat as N grows (the export streams keyset pages, it never holds the result).
/// </summary>
internal static class WebExport
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = new BenchArgs(args).Int("--events", 1_000_000);
        var folder = Directory.CreateTempSubdirectory("marsad-web-export-").FullName;
        try
        {
            var fill = Stopwatch.StartNew();
            var store = await EventTable.CreateAsync(folder, count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} events in SQLite in {fill.Elapsed.TotalSeconds:F1} s"));
            var app = MarsadWebApp.Build(new MarsadWebOptions { Database = store.Target, Urls = ["http://127.0.0.1:0"], Quiet = true }, store);
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(MarsadWebApp.Addresses(app)[0]), Timeout = TimeSpan.FromMinutes(30) };
            var token = await AdminTokenAsync(store);
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            GC.Collect();
            var baseline = GC.GetTotalMemory(true);
            long peak = 0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(false));
                    await Task.Delay(50);
                }
            });
            var clock = Stopwatch.StartNew();
            long rows = 0, bytes = 0;
            await using (var stream = await client.GetStreamAsync("/api/events?format=csv"))
            using (var reader = new StreamReader(stream))
            {
                while (await reader.ReadLineAsync() is { } line)
                {
                    rows++;
                    bytes += line.Length + 1;
                }
            }

            await sampling.CancelAsync();
            await sampler;
            await app.StopAsync();
            await app.DisposeAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CSV export: {rows - 1:N0} rows, {bytes / 1e6:F0} MB in {clock.Elapsed.TotalSeconds:F1} s ({(rows - 1) / clock.Elapsed.TotalSeconds:N0} rows/s); managed heap {baseline / 1e6:F0} MB before, peak {peak / 1e6:F0} MB during (client and server in one process)"));
            return rows - 1 == count ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> AdminTokenAsync(Core.Storage.IMarsadStore store)
    {
        await store.Accounts.SaveAsync("bench", Core.Access.Role.Admin, "bench password");
        return await store.Accounts.CreateTokenAsync("bench");
    }
}
