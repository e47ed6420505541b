using Marsad.Bench.Extraction;

namespace Marsad.Bench;

/// <summary>Dispatches <c>dotnet run --project bench/Marsad.Bench -- NAME [options]</c> to one benchmark.</summary>
internal static class BenchProgram
{
    public static Task<int> RunAsync(string[] args)
    {
        var rest = args.Skip(1).ToArray();
        var code = args.FirstOrDefault() switch
        {
            "extract-acled" => AcledBench.Run(rest),
            "extract-ucdp" => UcdpBench.Run(rest),
            "extract-seed" => SeedBench.Run(rest),
            "extract-speed" => SpeedBench.Run(rest),
            _ => Usage(),
        };
        return Task.FromResult(code);
    }

    private static int Usage()
    {
        Console.WriteLine("usage: Marsad.Bench <benchmark> [options]");
        Console.WriteLine("  extract-acled [--dump-dev N]   ACLED dev/test accuracies (sub_event_type, date, fatalities, actors, location)");
        Console.WriteLine("  extract-ucdp                   UCDP 2019 test split: deaths exact (best), location within 25 km");
        Console.WriteLine("  extract-seed                   the seed report's checklist");
        Console.WriteLine("  extract-speed [--limit N]      MB/s single thread and 2 threads over the ACLED battle notes");
        return 2;
    }
}
