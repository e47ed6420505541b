using System.Diagnostics;
using Marsad.Domain.Common;
using Marsad.Extraction.Geography;

namespace Marsad.Bench.Geocoding;

/// <summary>
/// Gazetteer load time (fresh loads, best and mean) and single-threaded lookup cost: every dev ACLED
/// location+admin1 query resolved in rounds until at least 200,000 lookups, after one warm-up round.
/// </summary>
internal static class GeocodeSpeedBench
{
    private const int Loads = 5;
    private const int MinLookups = 200_000;

    public static int Run(string[] args)
    {
        var shared = GeoBenchArgs.SharedData(args);
        var directory = GeoBenchArgs.GazetteerDirectory(args);
        var loadTimes = new List<double>();
        Gazetteer? gazetteer = null;
        for (var i = 0; i < Loads; i++)
        {
            var clock = Stopwatch.StartNew();
            gazetteer = Gazetteer.Load(directory);
            loadTimes.Add(clock.Elapsed.TotalMilliseconds);
        }

        var geocoder = new GazetteerGeocoder(gazetteer!);
        var queries = AcledRows.Read(shared, AcledRows.Battles).Concat(AcledRows.Read(shared, AcledRows.AllTypes))
            .Where(AcledRows.IsDev).Select(r => new PlaceQuery(r.Location, GeoPrecision.Place, r.Admin1)).ToArray();

        var found = Round(geocoder, queries);
        var lookups = 0;
        var timer = Stopwatch.StartNew();
        while (lookups < MinLookups)
        {
            found = Round(geocoder, queries);
            lookups += queries.Length;
        }

        timer.Stop();
        var meanMicroseconds = timer.Elapsed.TotalMicroseconds / lookups;
        Console.WriteLine($"{"measure",-36} {"value",12}");
        Console.WriteLine($"{"gazetteer entries",-36} {gazetteer!.Entries.Length,12}");
        Console.WriteLine($"{"load, first (ms, includes JIT)",-36} {loadTimes[0],12:0.0}");
        Console.WriteLine($"{"load, best of next (ms)",-36} {loadTimes.Skip(1).Min(),12:0.0}");
        Console.WriteLine($"{"lookups (single thread)",-36} {lookups,12}");
        Console.WriteLine($"{"mean per lookup (µs)",-36} {meanMicroseconds,12:0.00}");
        Console.WriteLine($"{"lookups per second",-36} {1e6 / meanMicroseconds,12:0}");
        Console.WriteLine($"{"resolved in last round",-36} {found,12}");
        return 0;
    }

    private static int Round(GazetteerGeocoder geocoder, PlaceQuery[] queries)
    {
        var found = 0;
        foreach (var query in queries)
        {
            if (geocoder.Resolve(query) is not null)
            {
                found++;
            }
        }

        return found;
    }
}
