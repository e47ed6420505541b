using Marsad.Core.Review.PlainValues;

namespace Marsad.Core.Names;

/// <summary>
/// The gazetteer's Arabic names for the places and admin areas a page shows (the public map's popups and list, the
/// review card, the event page in the Arabic interface): place ids to their Arabic name, and admin areas' English
/// names (a location's admin1, admin2) to their OCHA Arabic name. Only names the gazetteer has are returned; the page
/// keeps the canonical name for the rest. The gazetteer is public data, so any caller may ask.
/// </summary>
public sealed record ArabicPlaceNames(IReadOnlyDictionary<string, string> Places, IReadOnlyDictionary<string, string> Areas)
{
    /// <summary>At most this many ids and this many areas per request: a page of a list or one queue load.</summary>
    public const int MaxAsked = 500;

    public static ArabicPlaceNames Of(IEnumerable<string> placeIds, IEnumerable<string> areas, PlainPlace? gazetteer = null)
    {
        ArgumentNullException.ThrowIfNull(placeIds);
        ArgumentNullException.ThrowIfNull(areas);
        var names = gazetteer ?? PlainPlace.Default;
        var places = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in placeIds.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct(StringComparer.Ordinal).Take(MaxAsked))
        {
            if (names.ArabicNameOf(id) is { } arabic)
            {
                places[id] = arabic;
            }
        }

        var areaNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var area in areas.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.Ordinal).Take(MaxAsked))
        {
            if (names.ArabicAreaNameOf(area) is { } arabic)
            {
                areaNames[area] = arabic;
            }
        }

        return new ArabicPlaceNames(places, areaNames);
    }
}
