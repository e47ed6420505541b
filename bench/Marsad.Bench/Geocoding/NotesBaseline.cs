using Marsad.Domain.Common;
using Marsad.Extraction.Geography;

namespace Marsad.Bench.Geocoding;

/// <summary>
/// The geocoder's own reading of a report's location, without the extraction engine: the names
/// <see cref="IGeocoder.FindNames(string)"/> finds; a governorate or district named as a region ("in Dara
/// countryside", "rural Idlib"), or failing that a governorate named beside another place, becomes the area
/// the others must lie in; the first other name that resolves
/// is the place, the region's point (precision 3) when none does. A floor for the end-to-end numbers.
/// </summary>
internal static class NotesBaseline
{
    private static readonly string[] RegionAfter = [" countryside", " province", " governorate", " desert", " badia", " rural"];
    private static readonly string[] RegionBefore = ["countryside of ", "rural ", "desert of ", "province of ", "outskirts of "];

    public static Location? Locate(GazetteerGeocoder geocoder, string text)
    {
        var names = geocoder.FindNames(text);
        // A governorate named as a region, else any governorate named beside another place ("Kawkabah in Idleb").
        var region = names.FirstOrDefault(m => IsRegionWording(text, m) && geocoder.FindArea(m.Text) is not null)
                     ?? (names.Count > 1 ? names.LastOrDefault(m => geocoder.FindArea(m.Text) is { Level: 1 }) : null);
        var resolved = new List<GeoPoint>();
        foreach (var name in names.Where(m => m != region))
        {
            var location = geocoder.Resolve(new PlaceQuery(name.Text, NearWording(text, name), region?.Text, resolved));
            if (location?.Point is { } point && location.Precision != GeoPrecision.Region)
            {
                return location;
            }

            if (location?.Point is { } coarse)
            {
                resolved.Add(coarse);
            }
        }

        return region is null ? null : geocoder.Resolve(new PlaceQuery(region.Text, GeoPrecision.Region));
    }

    private static bool IsRegionWording(string text, PlaceMatch m) =>
        RegionAfter.Any(w => string.Compare(text, m.End, w, 0, w.Length, StringComparison.OrdinalIgnoreCase) == 0)
        || RegionBefore.Any(w => m.Start >= w.Length && string.Compare(text, m.Start - w.Length, w, 0, w.Length, StringComparison.OrdinalIgnoreCase) == 0);

    private static GeoPrecision NearWording(string text, PlaceMatch m)
    {
        var before = text[Math.Max(0, m.Start - 20)..m.Start];
        return before.Contains("near ", StringComparison.OrdinalIgnoreCase) || before.Contains("outskirts of", StringComparison.OrdinalIgnoreCase)
            ? GeoPrecision.NearPlace
            : GeoPrecision.Place;
    }
}
