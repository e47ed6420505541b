using Marsad.Bench.Extraction;

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
        ["extract-acled"] = ("ACLED dev/test accuracies [--dump-dev N --field X]", Sync(AcledBench.Run)),
        ["extract-ucdp"] = ("UCDP 2019 test split: deaths exact (best), location within 25 km", Sync(UcdpBench.Run)),
        ["extract-seed"] = ("the seed report's checklist", Sync(SeedBench.Run)),
        ["extract-stages"] = ("seconds per extraction stage over the ACLED battle notes [--limit N]", Sync(StageProfile.Run)),
        ["extract-speed"] = ("MB/s single thread and 2 threads over the ACLED battle notes [--limit N]", Sync(SpeedBench.Run)),
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

    private static Func<string[], Task<int>> Sync(Func<string[], int> run) => args => Task.FromResult(run(args));
}
