using Marsad.Domain.Common;
using Marsad.Extraction;
using Marsad.Extraction.Geography;

namespace Marsad.Bench.Geocoding;

/// <summary>
/// Why the engine's location for a note is not within 10 km of ACLED's, from what the bench can see: the first
/// event's location, the names the geocoder finds in the note, and where the geocoder alone puts ACLED's own
/// location and admin1 strings. Dev rows only; the classes are counted, never the rows printed.
/// </summary>
internal static class NotesFailureCauses
{
    private const double HitKm = 10;

    public static string Classify(GazetteerGeocoder geocoder, AcledRow row, ExtractionResult result)
    {
        var e = result.Events.FirstOrDefault();
        if (e is null)
        {
            return "no event extracted";
        }

        var alone = geocoder.Resolve(new PlaceQuery(row.Location, GeoPrecision.Place, row.Admin1));
        var aloneHits = alone?.Point is { } a && a.DistanceKm(row.Point) <= HitKm;
        var names = geocoder.FindNames(result.CleanText);
        var wanted = Keys(row.Location);
        var named = names.Any(m => wanted.Overlaps(Keys(m.Text)));
        var location = e.Location;
        if (location?.Point is null)
        {
            return names.Count == 0 ? "no place name found in the note" : named ? "ACLED's place named, but the event has no location" : "names found, none resolved to a location";
        }

        if (named && !aloneHits)
        {
            return "ACLED's place named, geocoder alone also misses it (gazetteer)";
        }

        if (location.Precision == GeoPrecision.Region && named)
        {
            return "ACLED's place named, event took a region (precision 3)";
        }

        if (location.Precision == GeoPrecision.Region)
        {
            return aloneHits ? "region only: ACLED's place not found in the note" : "region only: ACLED's place unknown to the geocoder";
        }

        var pickedKeys = Keys(location.Name ?? string.Empty);
        if (named && pickedKeys.Overlaps(wanted))
        {
            return "ACLED's place named and taken, resolved to another homonym/point";
        }

        if (named)
        {
            return "ACLED's place named, event took another place";
        }

        return aloneHits ? "ACLED's place not found in the note (spelling or unnamed), another place taken" : "ACLED's place neither found in the note nor known to the geocoder";
    }

    // The name's key and the keys of its parts ("Damascus - Jobar" → damascus, jobar), each with its skeleton.
    private static HashSet<string> Keys(string name)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in name.Split([" - ", "/", "(", ")"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append(name))
        {
            var key = NameKey.Of(part);
            if (key.Length >= 3)
            {
                keys.Add(key);
                keys.Add("~" + NameKey.SkeletonOf(key));
            }

            if (GenericWords.Strip(part) is { } bare && NameKey.Of(bare) is { Length: >= 3 } bareKey)
            {
                keys.Add(bareKey);
            }
        }

        return keys;
    }
}
