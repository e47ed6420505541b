using Marsad.Domain.Common;
using Marsad.Extraction.Geography;

namespace Marsad.Bench.Geocoding;

/// <summary>Lists the place names the geocoder finds in a text file and where each resolves, for checking FindNames by eye.</summary>
internal static class GeocodeTextCommand
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: geocode-text FILE");
            return 2;
        }

        var geocoder = new GazetteerGeocoder(Gazetteer.Load(GeoBenchArgs.GazetteerDirectory(args)));
        var text = File.ReadAllText(args[0]);
        foreach (var match in geocoder.FindNames(text))
        {
            var location = geocoder.Resolve(new PlaceQuery(match.Text, GeoPrecision.Place));
            var where = location?.Point is { } p ? FormattableString.Invariant($"{location.Name} [{location.PlaceId}] {p.Latitude:0.000},{p.Longitude:0.000} {location.Admin1}") : "-";
            Console.WriteLine($"{match.Start,6} {match.Text,-30} → {where}");
        }

        return 0;
    }
}
