using System.Diagnostics;
using System.Globalization;
using Marsad.Extraction;

namespace Marsad.Bench.Extraction;

/// <summary>
/// Throughput over every ACLED battle note: the whole pipeline, single thread and two threads. The issue asks for
/// Microsoft.Recognizers.Text side by side; its NuGet packages depend on a "vswhere" package that the configured
/// feed does not serve, so that baseline cannot be restored here and is reported as unavailable.
/// </summary>
internal static class SpeedBench
{
    public static int Run(string[] args)
    {
        var limit = args.Length >= 2 && args[0] == "--limit" ? int.Parse(args[1], CultureInfo.InvariantCulture) : int.MaxValue;
        var rows = SharedData.ReadCsv(SharedData.PathOf("data", "acled", "acled-syria-battles-2017-2023.csv"));
        var docs = rows.Take(limit).Select(r => new DocumentInput(r["notes"], DateOnly.ParseExact(r["event_date"], "dd MMMM yyyy", CultureInfo.InvariantCulture).AddDays(1))).ToArray();
        var bytes = docs.Sum(d => (long)System.Text.Encoding.UTF8.GetByteCount(d.Text));
        var engine = new ExtractionEngine();
        foreach (var d in docs.Take(2000))
        {
            engine.Extract(d);
        }

        var sw = Stopwatch.StartNew();
        var events = 0;
        foreach (var d in docs)
        {
            events += engine.Extract(d).Events.Length;
        }

        var single = sw.Elapsed.TotalSeconds;
        sw.Restart();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, docs.Length, 512), new ParallelOptions { MaxDegreeOfParallelism = 2 }, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                engine.Extract(docs[i]);
            }
        });
        var two = sw.Elapsed.TotalSeconds;
        var mb = bytes / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"notes {docs.Length}, {mb:0.00} MB, {events} events"));
        Console.WriteLine("| pipeline | threads | seconds | MB/s |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Marsad extraction | 1 | {single:0.00} | {mb / single:0.00} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Marsad extraction | 2 | {two:0.00} | {mb / two:0.00} |"));
        Console.WriteLine("| Microsoft.Recognizers.Text DateTime+Number | 1 | unavailable: package dependency 'vswhere' not on the NuGet feed | - |");
        return 0;
    }
}
