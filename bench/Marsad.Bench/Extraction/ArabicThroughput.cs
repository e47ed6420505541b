using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Marsad.Bench.Extraction;

/// <summary>
/// <c>extract-arabic [--data DIR] [--mb 5] [--marsad PATH] [--runs 1]</c>: the Arabic dev texts (<c>DIR/texts/*.txt</c>,
/// ../shared/reports-dev-ar by default) repeated into one JSON Lines file of at least 5 MB, a record a text with a
/// fresh id and no publication date (as the texts come), then <c>marsad extract --jsonl IN --out OUT --threads 1</c> as a
/// whole cold process under <c>/usr/bin/time -v</c>, as a user would run it: MB/s over wall seconds (start-up and
/// gazetteer load included, so this is the figure a user sees, not the engine's alone), and time's own figures (peak RSS,
/// user and system seconds, CPU share). The texts are read at run time and the file is deleted afterwards; nothing is kept.
/// </summary>
internal static class ArabicThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var data = options.String("--data") ?? SharedData.PathOf("reports-dev-ar");
        var targetBytes = options.Int("--mb", 5) * 1_000_000L;
        var runs = options.Int("--runs", 1);
        var marsad = options.String("--marsad") ?? Path.Combine(RepositoryRoot(), "src/Marsad.Cli/bin/Release/net10.0/marsad");
        if (!File.Exists(marsad) || !File.Exists("/usr/bin/time") || !Directory.Exists(Path.Combine(data, "texts")))
        {
            Console.Error.WriteLine($"extract-arabic: needs {marsad} (dotnet build src/Marsad.Cli -c Release), /usr/bin/time (apt-get install time) and {data}/texts");
            return 2;
        }

        var texts = Directory.GetFiles(Path.Combine(data, "texts"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var folder = Directory.CreateTempSubdirectory("marsad-arabic-");
        try
        {
            var input = Path.Combine(folder.FullName, "arabic.jsonl");
            var (records, bytes) = WriteJsonl(input, texts, targetBytes);
            var mb = bytes / 1e6;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"extract-arabic: {texts.Length} texts repeated to {records} records, {mb:0.00} MB of UTF-8 JSON Lines; marsad extract --jsonl, --threads 1, whole process"));
            for (var run = 1; run <= runs; run++)
            {
                var output = Path.Combine(folder.FullName, "out.jsonl");
                var (exit, time) = await RunTimedAsync(marsad, ["extract", "--jsonl", input, "--out", output, "--threads", "1"]);
                if (exit != 0)
                {
                    Console.Error.WriteLine($"extract-arabic: marsad exited {exit}");
                    return 1;
                }

                var lines = File.ReadLines(output).Count();
                var events = File.ReadLines(output).Sum(CountEvents);
                var wall = Seconds(time.GetValueOrDefault("Elapsed (wall clock) time (h:mm:ss or m:ss)", "0"));
                var user = double.Parse(time.GetValueOrDefault("User time (seconds)", "0"), CultureInfo.InvariantCulture);
                var system = double.Parse(time.GetValueOrDefault("System time (seconds)", "0"), CultureInfo.InvariantCulture);
                var rssMb = long.Parse(time.GetValueOrDefault("Maximum resident set size (kbytes)", "0"), CultureInfo.InvariantCulture) / 1024.0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}: {lines} results, {events} events; wall {wall:0.00} s → {mb / wall:0.00} MB/s; user {user:0.00} s, system {system:0.00} s → {mb / (user + system):0.00} MB per CPU second; CPU {time.GetValueOrDefault("Percent of CPU this job got", "?")}; peak RSS {rssMb:0} MB"));
            }

            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // Records {"id","text","published":null} in the texts' order, round after round, until the file holds targetBytes.
    private static (int Records, long Bytes) WriteJsonl(string path, string[] texts, long targetBytes)
    {
        using var stream = File.Create(path);
        var records = 0;
        while (stream.Length < targetBytes)
        {
            foreach (var text in texts)
            {
                using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    w.WriteStartObject();
                    w.WriteString("id", "ar-" + records.ToString(CultureInfo.InvariantCulture));
                    w.WriteString("text", text);
                    w.WriteNull("published");
                    w.WriteEndObject();
                }

                stream.WriteByte((byte)'\n');
                records++;
                if (stream.Length >= targetBytes)
                {
                    break;
                }
            }
        }

        return (records, stream.Length);
    }

    private static int CountEvents(string line)
    {
        using var doc = JsonDocument.Parse(line);
        return doc.RootElement.TryGetProperty("events", out var events) && events.ValueKind == JsonValueKind.Array ? events.GetArrayLength() : 0;
    }

    // /usr/bin/time -v writes "\tName: value" lines to standard error after the command's own.
    private static async Task<(int Exit, Dictionary<string, string> Time)> RunTimedAsync(string marsad, string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-v");
        start.ArgumentList.Add(marsad);
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;
        var time = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in stderr.Split('\n'))
        {
            var trimmed = line.Trim();
            var colon = trimmed.LastIndexOf(": ", StringComparison.Ordinal);
            if (line.StartsWith('\t') && colon > 0)
            {
                time[trimmed[..colon]] = trimmed[(colon + 2)..];
            }
        }

        return (process.ExitCode, time);
    }

    // "1:02.35" or "1:02:03" → seconds.
    private static double Seconds(string clock) =>
        clock.Split(':').Aggregate(0.0, (total, part) => total * 60 + double.Parse(part, CultureInfo.InvariantCulture));

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
