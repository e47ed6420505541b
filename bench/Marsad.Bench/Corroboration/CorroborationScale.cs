using System.Diagnostics;
using Marsad.Core.Corroboration;

namespace Marsad.Bench.Corroboration;

/// <summary>
/// How corroboration's cost grows: the generated corpus at 100k, 300k and 1M reports (two in five of
/// them near misses), timed on one thread with the peak memory of the process. Generation is not timed.
/// </summary>
internal static class CorroborationScale
{
    public static Task<int> RunAsync(string[] args)
    {
        var sizes = new BenchArgs(args).String("--sizes")?.Split(',').Select(int.Parse).ToArray() ?? [100_000, 300_000, 1_000_000];
        Console.WriteLine("corroborate-scale: generated reports (60% of incidents repeated by 1-4 outlets, 40% near misses), one thread");
        Console.WriteLine($"{"reports",9} {"compared",10} {"matched",9} {"groups",8} {"seconds",8} {"µs/report",10} {"peak MB",8}");
        foreach (var size in sizes)
        {
            // About 2.5 reports an incident for the repeated ones, 1.5 for the near misses.
            var incidents = (int)(size / 2.1 * 0.6);
            var corpus = new CorpusGenerator(3).GenerateLarge(incidents, (int)(incidents / 0.6 * 0.4));
            GC.Collect();
            var clock = Stopwatch.StartNew();
            var result = new Corroborator(new CorroborationOptions()).Run(corpus);
            clock.Stop();
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
            Console.WriteLine($"{corpus.Count,9} {result.ComparedPairs,10} {result.MatchedPairs,9} {result.Groups.Count,8} {clock.Elapsed.TotalSeconds,8:0.00} {clock.Elapsed.TotalMicroseconds / corpus.Count,10:0.0} {peak,8}");
        }

        return Task.FromResult(0);
    }
}
