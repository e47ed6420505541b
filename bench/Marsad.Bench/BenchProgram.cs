using Marsad.Bench.Geocoding;

namespace Marsad.Bench;

/// <summary>Dispatches <c>dotnet run --project bench/Marsad.Bench -- NAME [options]</c> to one benchmark.</summary>
internal static class BenchProgram
{
    private static readonly Dictionary<string, (string Help, Func<string[], int> Run)> Benchmarks = new(StringComparer.Ordinal)
    {
        ["gazetteer-build"] = ("gazetteer-build [--from ../shared/data] [--out data]: build the shipped gazetteer", GazetteerBuildCommand.Run),
        ["geocode-acled"] = ("geocode-acled [--data ../shared/data]: ACLED location+admin1 → point, within 10 km, dev and test", GeocodeAcledBench.Run),
        ["geocode-notes"] = ("geocode-notes [--write-input FILE | --predictions FILE]: location from ACLED notes, end to end (baseline, or `marsad extract` output)", GeocodeNotesBench.Run),
        ["geocode-text"] = ("geocode-text FILE: the place names found in a text and where they resolve", GeocodeTextCommand.Run),
        ["geocode-speed"] = ("geocode-speed [--data ../shared/data]: gazetteer load time and lookups per second", GeocodeSpeedBench.Run),
    };

    public static Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && Benchmarks.TryGetValue(args[0], out var bench))
        {
            return Task.FromResult(bench.Run(args[1..]));
        }

        Console.WriteLine("usage: Marsad.Bench <benchmark> [options]");
        foreach (var (_, (help, _)) in Benchmarks)
        {
            Console.WriteLine($"  {help}");
        }

        return Task.FromResult(args.Length == 0 ? 2 : 0);
    }
}
