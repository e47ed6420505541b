using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Marsad.Bench.Web;
using Marsad.Core.Exchange;

namespace Marsad.Bench.Exchange;

/// <summary>
/// <c>export-scale</c>: every export format at 100,000 and 1,000,000 events, each run as a whole process of
/// <c>exchange-export</c> under <c>/usr/bin/time -v</c> (a fresh process per run, so the peak RSS is that export's
/// alone). The generated database (1,000,000 events, see <see cref="EventTable"/>) is made once at --db and kept.
/// Prints rows/s and peak RSS per format and size, and the RSS growth from 100k to 1M (constant memory: at most 50 MB).
/// </summary>
internal static partial class ExportScale
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var db = options.String("--db") ?? Path.Combine(Path.GetTempPath(), "marsad-exchange-export");
        var formats = options.String("--formats")?.Split(',') ?? [.. EventExportFormats.Names];
        var sizes = (options.String("--sizes") ?? "100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        if (!File.Exists(Path.Combine(db, "bench.db")))
        {
            Directory.CreateDirectory(db);
            var fill = Stopwatch.StartNew();
            await EventTable.CreateAsync(db, 1_000_000);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"1,000,000 events in {db}/bench.db in {fill.Elapsed.TotalSeconds:F0} s"));
        }

        var failed = false;
        foreach (var format in formats)
        {
            var peaks = new List<double>();
            foreach (var size in sizes)
            {
                var (line, peakMb, exit) = await RunChildAsync(format, size, db);
                peaks.Add(peakMb);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{format,-8} {size,9:N0}: {line}; peak RSS {peakMb:F0} MB (time -v){(exit == 0 ? "" : $"; exit {exit}")}"));
                failed |= exit != 0;
            }

            if (peaks.Count > 1)
            {
                var growth = peaks[^1] - peaks[0];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{format,-8} peak RSS growth {sizes[0]:N0} → {sizes[^1]:N0}: {growth:F0} MB ({(growth <= 50 ? "constant" : "GROWS")})"));
                failed |= growth > 50;
            }
        }

        return failed ? 1 : 0;
    }

    private static async Task<(string Line, double PeakMb, int Exit)> RunChildAsync(string format, int size, string db)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-v");
        start.ArgumentList.Add(Environment.ProcessPath!);
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ExportScale).Assembly.Location);
        }

        foreach (var arg in new[] { "exchange-export", "--format", format, "--events", size.ToString(CultureInfo.InvariantCulture), "--db", db })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.Contains("rows/s", StringComparison.Ordinal)) ?? "(no result)";
        var rss = MaxRss().Match(await errors);
        return (line.Trim(), rss.Success ? double.Parse(rss.Groups[1].Value, CultureInfo.InvariantCulture) / 1024 : double.NaN, process.ExitCode);
    }

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex MaxRss();
}
