using System.Collections.Immutable;
using Marsad.Domain.Common;

namespace Marsad.Extraction.Geography;

/// <summary>
/// The loaded gazetteer: admin areas (as entries too, so "Idlib" can name the governorate), places from
/// the shipped file and any user files, the name index over all of them and the boundaries for reverse
/// geocoding. Immutable after construction.
/// </summary>
public sealed class Gazetteer
{
    public Gazetteer(IEnumerable<AdminArea> areas, IEnumerable<GazetteerEntry> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        Boundaries = new AdminBoundaries(areas);
        var placeList = places as IReadOnlyList<GazetteerEntry> ?? [.. places];
        var seats = SeatTowns(Boundaries.Areas, placeList);
        Entries = [.. Boundaries.Areas.OrderBy(a => a.Level).ThenBy(a => a.PCode, StringComparer.Ordinal).Select(a => AreaEntry(a, seats.GetValueOrDefault(a.PCode))), .. placeList];
        Index = new NameIndex([.. Entries.Select(IndexedNames)]);
    }

    public ImmutableArray<GazetteerEntry> Entries { get; }

    public NameIndex Index { get; }

    public AdminBoundaries Boundaries { get; }

    /// <summary>
    /// Loads the shipped gazetteer from <paramref name="dataDirectory"/> (the folder holding
    /// <see cref="GazetteerFiles.PlacesFileName"/>) and the user files that exist among <paramref name="userFiles"/>.
    /// </summary>
    public static Gazetteer Load(string dataDirectory, params IEnumerable<string> userFiles)
    {
        ArgumentNullException.ThrowIfNull(userFiles);
        var areas = GazetteerFiles.ReadAdminAreas(Path.Combine(dataDirectory, GazetteerFiles.AdminAreasFileName));
        var places = GazetteerFiles.ReadPlaces(Path.Combine(dataDirectory, GazetteerFiles.PlacesFileName));
        var extra = userFiles.Where(File.Exists).SelectMany(GazetteerFiles.ReadPlaces);
        return new Gazetteer(areas, places.Concat(extra));
    }

    /// <summary>The admin area an entry stands for, or null for a place.</summary>
    public AdminArea? AreaOf(GazetteerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind.IsAdminArea() ? Boundaries.Find(entry.Id) : null;
    }

    // A base, field or camp is also found by the place it is named after ("Tiyas" for "Tiyas Military Airbase").
    private static IEnumerable<string> IndexedNames(GazetteerEntry entry) =>
        entry.Kind is PlaceKind.Site or PlaceKind.Camp or PlaceKind.Area
            ? entry.AllNames.Concat(entry.AllNames.Select(GenericWords.Strip).OfType<string>())
            : entry.AllNames;

    // Syrian governorates, districts and sub-districts are named after their seat ("Idleb", "Jisr-Ash-Shugur"), and a
    // report that places an event only in "Idleb countryside" is coded, by ACLED and the observatories alike, to that
    // town. The seat is the most prominent settlement inside the area whose name has the area's key.
    private static Dictionary<string, GeoPoint> SeatTowns(IEnumerable<AdminArea> areas, IReadOnlyList<GazetteerEntry> places)
    {
        var areasByKey = new Dictionary<string, List<AdminArea>>(StringComparer.Ordinal);
        foreach (var area in areas)
        {
            foreach (var key in area.AllNames.Select(NameKey.Of).Where(k => k.Length >= 3).Distinct(StringComparer.Ordinal))
            {
                (areasByKey.TryGetValue(key, out var list) ? list : areasByKey[key] = []).Add(area);
            }
        }

        var best = new Dictionary<string, GazetteerEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var place in places)
        {
            if (place.Kind is not (PlaceKind.City or PlaceKind.Town or PlaceKind.Village) || place.IsApproximate)
            {
                continue;
            }

            foreach (var key in place.AllNames.Select(NameKey.Of).Distinct(StringComparer.Ordinal))
            {
                if (!areasByKey.TryGetValue(key, out var named))
                {
                    continue;
                }

                foreach (var area in named)
                {
                    var code = area.Level switch { 1 => place.Admin1, 2 => place.Admin2, _ => place.Admin3 };
                    if (string.Equals(code, area.PCode, StringComparison.OrdinalIgnoreCase)
                        && (!best.TryGetValue(area.PCode, out var current) || place.Prominence > current.Prominence))
                    {
                        best[area.PCode] = place;
                    }
                }
            }
        }

        return best.ToDictionary(kv => kv.Key, kv => kv.Value.Point, StringComparer.OrdinalIgnoreCase);
    }

    private GazetteerEntry AreaEntry(AdminArea area, GeoPoint? seat)
    {
        var parent = Boundaries.Find(area.ParentPCode);
        var (admin1, admin2, admin3) = area.Level switch
        {
            1 => (area.PCode, (string?)null, (string?)null),
            2 => (area.ParentPCode, area.PCode, null),
            _ => (parent?.ParentPCode, area.ParentPCode, area.PCode),
        };

        // A governorate outranks its district and sub-district of the same name when a region is asked for.
        var prominence = 4.0 - area.Level;
        return new GazetteerEntry(area.PCode, area.NameEn, area.Kind, seat ?? area.RepresentativePoint, admin1, admin2, admin3,
            0, prominence, "ocha", "ocha", [.. area.Aliases, .. area.NameAr is null ? Array.Empty<string>() : [area.NameAr]]);
    }
}
