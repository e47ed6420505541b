using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Core.Extract;
using Marsad.Extraction;
using Marsad.Extraction.Output;

namespace Marsad.Bench.Extraction;

/// <summary>
/// Throughput over every ACLED battle note, after one full warm-up pass (so that every method runs as tiered,
/// optimised code), best of three runs each: the engine with JSON output on one thread and on two, and the
/// <c>extract --jsonl</c> pipeline (reading a JSON Lines file written to a temp folder, writing to nothing) with
/// --threads 1 and 2; then, in the same process over the same notes, Microsoft.Recognizers.Text's English date-time and
/// number models (<see cref="RecognizersBaseline"/>), and the ratio. The machine may be shared: CPU seconds (the process's, over the same run) give the
/// per-core rate however busy the other cores are; wall seconds give the scaling. <c>--no-baseline</c> leaves the
/// recognisers out (they take minutes), for measuring Marsad alone while tuning.
/// </summary>
internal static class SpeedBench
{
    private const int Runs = 3;
    private const int WarmUpNotes = 300;

    public static int Run(string[] args)
    {
        var limit = args.Length >= 2 && args[0] == "--limit" ? int.Parse(args[1], CultureInfo.InvariantCulture) : int.MaxValue;
        var baselineToo = !args.Contains("--no-baseline");
        var rows = SharedData.ReadCsv(SharedData.PathOf("data", "acled", "acled-syria-battles-2017-2023.csv"));
        var docs = rows.Take(limit).Select(r => new DocumentInput(r["notes"], DateOnly.ParseExact(r["event_date"], "dd MMMM yyyy", CultureInfo.InvariantCulture).AddDays(1))).ToArray();
        var mb = docs.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text)) / 1e6;
        var engine = BenchEngine.Create();
        var events = 0;
        foreach (var d in docs)
        {
            var r = engine.Extract(d);
            events += r.Events.Length;
            ContractJsonWriter.ToJson(r);
        }

        var single = Best(() =>
        {
            foreach (var d in docs)
            {
                ContractJsonWriter.ToJson(engine.Extract(d));
            }
        });
        var two = Best(() => Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, docs.Length, 256), new ParallelOptions { MaxDegreeOfParallelism = 2 }, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                ContractJsonWriter.ToJson(engine.Extract(docs[i]));
            }
        }));

        var jsonl = Path.Combine(Path.GetTempPath(), $"marsad-speed-{Environment.ProcessId}.jsonl");
        try
        {
            WriteJsonl(jsonl, docs);
            var pipe1 = Best(() => Pipeline(engine, jsonl, 1));
            var pipe2 = Best(() => Pipeline(engine, jsonl, 2));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"notes {docs.Length}, {mb:0.00} MB, {events} events; best of {Runs} runs after a warm-up pass; {Environment.ProcessorCount} cores"));
            Console.WriteLine("| pipeline | threads | wall s | MB/s (wall) | CPU s | MB per CPU s |");
            Console.WriteLine("|---|---|---|---|---|---|");
            Row("engine + contract JSON", 1, single, mb);
            Row("engine + contract JSON", 2, two, mb);
            Row("extract --jsonl pipeline", 1, pipe1, mb);
            Row("extract --jsonl pipeline", 2, pipe2, mb);
            if (!baselineToo)
            {
                return 0;
            }

            var recognizers = new RecognizersBaseline();
            recognizers.Run(docs.Take(WarmUpNotes));
            var found = (Dates: 0, Numbers: 0);
            var baseline = Once(() => found = recognizers.Run(docs));
            Row("Microsoft.Recognizers.Text DateTime+Number models", 1, baseline, mb);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Microsoft.Recognizers.Text found {found.Dates} date-times and {found.Numbers} numbers (one run: it is slow)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio, single thread, CPU seconds: Marsad pipeline {baseline.Cpu / pipe1.Cpu:0.0}x faster than the two recognisers (engine alone {baseline.Cpu / single.Cpu:0.0}x); wall seconds: {baseline.Wall / pipe1.Wall:0.0}x"));
        }
        finally
        {
            File.Delete(jsonl);
        }

        return 0;
    }

    private static void Row(string name, int threads, (double Wall, double Cpu) t, double mb) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {threads} | {t.Wall:0.00} | {mb / t.Wall:0.00} | {t.Cpu:0.00} | {mb / t.Cpu:0.00} |"));

    private static (double Wall, double Cpu) Once(Action run)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        run();
        var wall = sw.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static (double Wall, double Cpu) Best(Action run)
    {
        var best = (Wall: double.MaxValue, Cpu: double.MaxValue);
        using var process = Process.GetCurrentProcess();
        for (var k = 0; k < Runs; k++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            run();
            var wall = sw.Elapsed.TotalSeconds;
            process.Refresh();
            best = (Math.Min(best.Wall, wall), Math.Min(best.Cpu, (process.TotalProcessorTime - cpu).TotalSeconds));
        }

        return best;
    }

    private static void Pipeline(ExtractionEngine engine, string path, int threads)
    {
        using var input = File.OpenRead(path);
        new JsonlExtraction(engine, threads).RunAsync(input, Stream.Null, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static void WriteJsonl(string path, DocumentInput[] docs)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream);
        foreach (var d in docs)
        {
            w.WriteStartObject();
            w.WriteString("text", d.Text);
            w.WriteString("published", d.Published!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.Flush();
            stream.WriteByte((byte)'\n');
            w.Reset();
        }
    }
}
