using System.Diagnostics;
using System.Globalization;
using Marsad.Bench.Web;
using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Exchange;
using Marsad.Core.Storage;

namespace Marsad.Bench.Exchange;

/// <summary>
/// <c>exchange-export</c>: the first N events (default 1,000,000) of a generated database exported in one format to
/// /dev/null, through the query layer as the editor sees them, as <c>marsad events --format F</c> does. The database
/// (1,000,000 generated events, see <see cref="EventTable"/>) is made on first use at --db and kept, so runs at
/// 100,000 and 1,000,000 read the same table; run each under <c>/usr/bin/time -v</c> to compare peak RSS.
/// </summary>
internal static class ExchangeExport
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var count = options.Int("--events", 1_000_000);
        var format = EventExportFormats.Parse(options.String("--format") ?? "csv") ?? throw new ArgumentException("--format: " + string.Join(", ", EventExportFormats.Names));
        var db = options.String("--db") ?? Path.Combine(Path.GetTempPath(), "marsad-exchange-export");
        if (!File.Exists(Path.Combine(db, "bench.db")))
        {
            Directory.CreateDirectory(db);
            var fill = Stopwatch.StartNew();
            await EventTable.CreateAsync(db, 1_000_000);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"1,000,000 events in {db}/bench.db in {fill.Elapsed.TotalSeconds:F0} s"));
        }

        var store = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, Path.Combine(db, "bench.db")), TimeProvider.System);
        var clock = Stopwatch.StartNew();
        long rows = 0;
        // Shared: File.OpenWrite locks the file, so a second export running meanwhile would fail to open /dev/null.
        await using (var output = new StreamWriter(new FileStream("/dev/null", FileMode.Open, FileAccess.Write, FileShare.ReadWrite)))
        {
            await EventExporter.WriteAsync(output, Counted(store.Events.StreamJsonAsync(new EventQuery(), Role.Editor).Take(count)), format);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{EventExportFormats.Name(format)}: {rows:N0} events in {seconds:F1} s, {rows / seconds:N0} rows/s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
        return rows == count ? 0 : 1;

        async IAsyncEnumerable<EventJson> Counted(IAsyncEnumerable<EventJson> items)
        {
            await foreach (var item in items)
            {
                rows++;
                yield return item;
            }
        }
    }
}
