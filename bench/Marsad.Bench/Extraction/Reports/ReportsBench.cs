using System.Diagnostics;
using System.Globalization;
using Marsad.Core.Extract;
using Marsad.Extraction.Output;

namespace Marsad.Bench.Extraction.Reports;

/// <summary>
/// <c>extract-reports --data DIR [--min f1=0.85 ...] [--no-false-checks] [--no-invented-dates] [--explain] [-- CMD...]</c>:
/// <c>marsad extract FILE --source SOHR [--published D]</c> on every text of a gold folder, scored as
/// <c>score_reports.py</c> scores it, with a line per file. In process by default (the CLI's own reading of a
/// file: <see cref="FileExtraction"/> and the shipped gazetteer); after <c>--</c>, a command run per text as the
/// Python scorer runs it. Exit 1 when a minimum is not met.
/// </summary>
internal static class ReportsBench
{
    public static int Run(string[] args)
    {
        var dash = Array.IndexOf(args, "--");
        var command = dash >= 0 ? args[(dash + 1)..] : [];
        var options = dash >= 0 ? args[..dash] : args;
        var folder = new BenchArgs(options).String("--data") ?? SharedData.PathOf("reports-dev");
        var mins = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < options.Length; i++)
        {
            if (options[i] == "--min" && options[i + 1].Split('=') is [var name, var value])
            {
                mins[name] = double.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        Func<string, DateOnly?, string?> extract = command.Length > 0 ? (path, published) => RunCommand(command, path, published) : InProcess();
        var score = new ReportScorer(extract, options.Contains("--explain")).Score(folder);
        foreach (var line in score.FileLines)
        {
            Console.WriteLine(line);
        }

        var (text, ok) = score.Summary(mins, options.Contains("--no-false-checks"), options.Contains("--no-invented-dates"));
        Console.WriteLine(text);
        return ok ? 0 : 1;
    }

    private static Func<string, DateOnly?, string?> InProcess()
    {
        var engine = BenchEngine.Create();
        return (path, published) =>
        {
            var results = FileExtraction.ExtractAsync(engine, path, published, "SOHR", CancellationToken.None).GetAwaiter().GetResult();
            // The CLI prints one indented object for one report; several lines would not parse as one object.
            return results.Count == 1 ? ContractJsonWriter.ToJson(results[0], indented: true) : null;
        };
    }

    private static string? RunCommand(string[] command, string path, DateOnly? published)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in command[1..].Concat(["extract", path, "--source", "SOHR"]))
        {
            start.ArgumentList.Add(a);
        }

        if (published is { } p)
        {
            start.ArgumentList.Add("--published");
            start.ArgumentList.Add(p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        _ = stderr.Result;
        return stdout;
    }
}
