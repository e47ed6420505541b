namespace Marsad.Bench;

/// <summary>
/// Dispatches <c>dotnet run -c Release --project bench/Marsad.Bench -- NAME [options]</c> to one
/// benchmark. Each prints what it measured, on what, and how, so the numbers can be compared run to run.
/// </summary>
internal static class BenchProgram
{
    private static readonly Dictionary<string, (string Description, Func<string[], Task<int>> Run)> Benchmarks = new(StringComparer.Ordinal)
    {
        ["ingest-throughput"] = ("documents per second into SQLite (generated 5 KB reports)", Intake.IngestThroughput.RunAsync),
        ["corroborate-scale"] = ("corroboration time and memory at 100k, 300k and 1M reports", Corroboration.CorroborationScale.RunAsync),
        ["corroborate-quality"] = ("pairwise precision/recall on the generated multi-source corpus", Corroboration.CorroborationQuality.RunAsync),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var benchmark))
        {
            Console.Error.WriteLine("usage: Marsad.Bench <benchmark> [options]\n\nbenchmarks:");
            foreach (var (name, (description, _)) in Benchmarks)
            {
                Console.Error.WriteLine($"  {name,-22} {description}");
            }

            return 2;
        }

        return await benchmark.Run(args[1..]);
    }
}
