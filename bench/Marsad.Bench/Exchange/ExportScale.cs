using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using Marsad.Bench.Web;
using Marsad.Core.Exchange;

namespace Marsad.Bench.Exchange;

/// <summary>
/// <c>export-scale</c>: issue 18's criterion as written. A SQLite database of 100,000 and one of 1,000,000 generated
/// events (<see cref="EventTable"/>, exchange mix) are made once at --db and kept; their build time is reported apart.
/// Then each format is exported by the real CLI, <c>marsad events --format F --db DB</c>, every event, as one cold
/// process under <c>/usr/bin/time -v</c>, its output to a file (whose rows are counted after the clock stopped) or
/// to /dev/null. Per format: rows, wall seconds, rows/s, CPU (user+sys) per row and peak RSS at each size, the RSS
/// difference, and PASS when the largest size runs at ≥ 100,000 rows/s and its peak RSS is within 50 MB of the smallest's.
/// </summary>
internal static partial class ExportScale
{
    private const double RowsPerSecond = 100_000;
    private const double RssGrowthMb = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var folder = options.String("--db") ?? Path.Combine(Path.GetTempPath(), "marsad-export-scale");
        var formats = (options.String("--formats") ?? "acled,ucdp,hxl,geojson,jsonl").Split(',');
        var sizes = (options.String("--sizes") ?? "100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var toNull = options.String("--out") == "/dev/null";
        var marsad = options.String("--marsad") ?? Path.Combine(AppContext.BaseDirectory, "marsad");
        if (formats.FirstOrDefault(f => EventExportFormats.Parse(f) is null) is { } unknown)
        {
            Console.Error.WriteLine($"--formats: '{unknown}' is not one of {string.Join(", ", EventExportFormats.Names)}");
            return 2;
        }

        Directory.CreateDirectory(folder);
        foreach (var size in sizes)
        {
            var db = DatabasePath(folder, size);
            if (!File.Exists(db))
            {
                var fill = Stopwatch.StartNew();
                await EventTable.CreateAsync(db, size, exchange: true);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"database: {size:N0} generated events in {db}, built in {fill.Elapsed.TotalSeconds:F0} s (not counted)"));
            }
        }

        Console.WriteLine($"load: {Load()}; marsad: {marsad}; output: {(toNull ? "/dev/null" : "a file, rows counted after the run")}");
        Console.WriteLine($"{"format",-8} {"events",9} {"rows",9} {"wall s",7} {"rows/s",9} {"cpu s",7} {"µs/row",7} {"peak RSS",9}");
        var failed = false;
        var summary = new List<string>();
        foreach (var format in formats)
        {
            var runs = new List<Run>();
            foreach (var size in sizes)
            {
                var run = await RunChildAsync(marsad, format, DatabasePath(folder, size), folder, toNull ? null : size);
                runs.Add(run);
                var rows = run.Rows ?? size;
                Console.WriteLine(FormattableString.Invariant(
                    $"{format,-8} {size,9:N0} {(run.Rows is null ? "-" : rows.ToString("N0", CultureInfo.InvariantCulture)),9} {run.Wall,7:F2} {rows / run.Wall,9:N0} {run.Cpu,7:F2} {run.Cpu / rows * 1e6,7:F2} {run.PeakMb,6:F0} MB{(run.Exit == 0 ? "" : $"  exit {run.Exit}: {run.Error}")}"));
                failed |= run.Exit != 0 || (run.Rows is { } counted && counted != size);
            }

            var last = runs[^1];
            var rate = (last.Rows ?? sizes[^1]) / last.Wall;
            var growth = last.PeakMb - runs[0].PeakMb;
            var pass = last.Exit == 0 && rate >= RowsPerSecond && (runs.Count < 2 || growth <= RssGrowthMb);
            failed |= !pass;
            summary.Add(FormattableString.Invariant(
                $"{format,-8} {(pass ? "PASS" : "FAIL")}: {rate:N0} rows/s at {sizes[^1]:N0} (target {RowsPerSecond:N0}; CPU {last.Cpu / (last.Rows ?? sizes[^1]) * 1e6:F2} µs/row)")
                + (runs.Count < 2 ? "" : FormattableString.Invariant($", peak RSS {runs[0].PeakMb:F0} → {last.PeakMb:F0} MB, difference {growth:F0} MB (target ≤ {RssGrowthMb:F0})")));
        }

        Console.WriteLine();
        summary.ForEach(Console.WriteLine);
        Console.WriteLine($"load: {Load()}");
        return failed ? 1 : 0;
    }

    private static string DatabasePath(string folder, int size) => Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"events-{size}.db"));

    private sealed record Run(double Wall, double Cpu, double PeakMb, int Exit, long? Rows, string Error);

    /// <summary>
    /// One cold <c>marsad events</c> under <c>/usr/bin/time -v</c>, its standard output sent by the shell straight to
    /// the file (nothing passes through this process while it runs). <paramref name="expected"/> null: to /dev/null, uncounted.
    /// </summary>
    private static async Task<Run> RunChildAsync(string marsad, string format, string db, string folder, int? expected)
    {
        var output = expected is null ? "/dev/null" : Path.Combine(folder, "export." + format);
        var report = Path.Combine(folder, "time.txt");
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-c", "out=$1; shift; exec \"$@\" > \"$out\"", "sh", output, "/usr/bin/time", "-v", "-o", report, marsad, "events", "--format", format, "--db", db })
        {
            start.ArgumentList.Add(arg);
        }

        using (var process = Process.Start(start)!)
        {
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var time = await File.ReadAllTextAsync(report);
            double Field(Regex pattern) => pattern.Match(time) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
            var rows = expected is null || process.ExitCode != 0 ? (long?)null : CountRows(output, format);
            if (expected is not null)
            {
                File.Delete(output);
            }

            var error = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            return new Run(Wall(time), Field(UserSeconds()) + Field(SystemSeconds()), Field(MaxRss()) / 1024, process.ExitCode, rows, error);
        }
    }

    private static double Wall(string time)
    {
        // "h:mm:ss" or "m:ss.ss"
        var parts = WallClock().Match(time).Groups[1].Value.Split(':');
        return parts.Aggregate(0.0, (total, part) => total * 60 + double.Parse(part, CultureInfo.InvariantCulture));
    }

    /// <summary>The records in an export file, read as a reader of the format would (CSV quoting, JSON structure).</summary>
    private static long CountRows(string path, string format)
    {
        long rows = 0;
        switch (EventExportFormats.Parse(format))
        {
            case EventExportFormat.Jsonl:
                foreach (var line in File.ReadLines(path))
                {
                    rows += line.Length > 0 ? 1 : 0;
                }

                return rows;
            case EventExportFormat.GeoJson or EventExportFormat.Json:
                using (var stream = File.OpenRead(path))
                {
                    // Objects one level inside the top-level array (json) or the features array (geojson).
                    var depth = EventExportFormats.Parse(format) == EventExportFormat.Json ? 1 : 2;
                    var buffer = new byte[1 << 20];
                    var state = new JsonReaderState();
                    var kept = 0;
                    int read;
                    while ((read = stream.Read(buffer, kept, buffer.Length - kept)) > 0 || kept > 0)
                    {
                        var final = read == 0;
                        var reader = new Utf8JsonReader(buffer.AsSpan(0, kept + read), final, state);
                        while (reader.Read())
                        {
                            rows += reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == depth ? 1 : 0;
                        }

                        if (final)
                        {
                            break;
                        }

                        state = reader.CurrentState;
                        kept = kept + read - (int)reader.BytesConsumed;
                        Array.Copy(buffer, (int)reader.BytesConsumed, buffer, 0, kept);
                    }
                }

                return rows;
            default:
                // The header is read as such; HXL's hashtag row is one more.
                using (var csv = CsvReader.Create(File.OpenRead(path), CsvReaderOptions.Default, false))
                {
                    while (csv.Read())
                    {
                        rows++;
                    }
                }

                return rows - (format == "hxl" ? 1 : 0);
        }
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex MaxRss();

    [GeneratedRegex(@"User time \(seconds\): ([\d.]+)")]
    private static partial Regex UserSeconds();

    [GeneratedRegex(@"System time \(seconds\): ([\d.]+)")]
    private static partial Regex SystemSeconds();

    [GeneratedRegex(@"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)")]
    private static partial Regex WallClock();
}
