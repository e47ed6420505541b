using System.Collections.Immutable;

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
        Entries = [.. Boundaries.Areas.OrderBy(a => a.Level).ThenBy(a => a.PCode, StringComparer.Ordinal).Select(AreaEntry), .. places];
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

    private GazetteerEntry AreaEntry(AdminArea area)
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
        return new GazetteerEntry(area.PCode, area.NameEn, area.Kind, area.RepresentativePoint, admin1, admin2, admin3,
            0, prominence, "ocha", "ocha", [.. area.Aliases, .. area.NameAr is null ? Array.Empty<string>() : [area.NameAr]]);
    }
}
