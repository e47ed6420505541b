using Marsad.Domain.Common;
using Marsad.Extraction.Recognition.Places;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Assembly;

/// <summary>
/// The place an event is coded to, among the references in its sentences: a resolved place (or a point near one)
/// before a resolved region, before a name the gazetteer does not know; among equals, the first in the text.
/// A city named like its governorate ("in Dar'a" without "city") counts as a region. A place the wording names as a
/// road, a building or a quarter, or as someone's origin ("the Khrafi road near X", "a fighter from X") is
/// not where the event happened and ranks after the others. When none of the event's references resolves, a
/// resolved reference elsewhere in the document stands in at region precision, so the event keeps its admin1.
/// </summary>
internal static class LocationPicker
{
    // A road, a building or a quarter named after a place: the event is coded to the town or city named beside it.
    private static readonly WordSet RouteWords = new("road", "highway", "street", "route", "motorway", "roads", "hospital", "roundabout", "school", "mosque",
        "bakery", "square", "neighborhood", "neighbourhood", "neighborhoods", "neighbourhoods", "quarter");
    private static readonly WordSet PluralQuarters = new("neighborhoods", "neighbourhoods", "quarters");
    private static readonly WordSet OriginWords = new("from", "native", "hailing", "originally", "hails", "lived", "lives", "living", "resided", "resides", "residing");
    // The words between "from" and a name that only place the origin: its kind and the area it lies in. A verb or a
    // preposition of action ("killed in Y", "on Y") ends the walk, so "a fighter from X was killed in Y" keeps Y.
    private static readonly WordSet OriginFillers = new("the", "village", "town", "city", "of", "area", "in", "base", "airport", "countryside", "eastern", "western",
        "northern", "southern", "north", "south", "east", "west", "rural", "district", "province", "governorate", "north-eastern", "north-western", "south-eastern", "south-western");
    private const int MaxOriginGap = 10;

    public static PlaceReference? Pick(TokenView view, IReadOnlyList<PlaceReference> references)
    {
        PlaceReference? best = null;
        var bestRank = int.MaxValue;
        foreach (var reference in references)
        {
            var rank = Rank(view, reference);
            if (rank < bestRank)
            {
                (best, bestRank) = (reference, rank);
            }
        }

        return best;
    }

    /// <summary>
    /// "at Sohat Al-Bufirio, Deir ez-Zor desert": when the pick is a region and the text names an unknown place inside
    /// it, the event keeps that place's name, at the region's point and precision; null otherwise.
    /// </summary>
    public static Location? Named(IReadOnlyList<PlaceReference> references, PlaceReference picked)
    {
        if (picked.Location is not { Point: not null } region)
        {
            return null;
        }

        // "in Khirbet X in Y city": an unknown hamlet inside a known town is coded near the town, under its own name.
        var unknown = references.FirstOrDefault(r => r.Location is null && r.WithinArea is not null && string.Equals(r.WithinArea, picked.Name, StringComparison.OrdinalIgnoreCase));
        var precision = region.Precision == GeoPrecision.Region ? GeoPrecision.Region : GeoPrecision.NearPlace;
        return unknown is null ? null : new Location(unknown.Name, null, region.Admin1, region.Admin2, region.Admin3, region.Point, precision);
    }

    /// <summary>
    /// A report that names one governorate ("... in Hama", "Idleb countryside") puts its event there: a location in
    /// another governorate is a namesake elsewhere, and the governorate itself (its seat, region precision) is the
    /// better answer. Otherwise the location is returned as it is.
    /// </summary>
    public static Location? InNamedGovernorate(Location? location, PlaceReference? governorate)
    {
        if (location?.Admin1 is not { } admin1 || governorate?.Location is not { } g || g.Admin1 == admin1)
        {
            return location;
        }

        return new Location(location.Name ?? governorate.Name, null, g.Admin1, g.Admin2, g.Admin3, g.Point, GeoPrecision.Region);
    }

    /// <summary>
    /// The governorate a document names, for <see cref="InNamedGovernorate"/>: its first reference to one, or null when
    /// it names none or two (the text may mean either). Computed once per document, not once per event.
    /// </summary>
    public static PlaceReference? NamedGovernorate(IEnumerable<PlaceReference> documentReferences)
    {
        PlaceReference? governorate = null;
        foreach (var r in documentReferences)
        {
            if (r.Location?.Admin1 is not { } a || !(r.NamesGovernorate || (r.Location.Precision == GeoPrecision.Region && r.Location.Admin2 is null)))
            {
                continue;
            }

            if (governorate is not null && governorate.Location!.Admin1 != a)
            {
                return null; // two governorates named: the text may mean either
            }

            governorate ??= r;
        }

        return governorate;
    }

    /// <summary>The document's first resolved reference, as a region-precision stand-in; null when none resolves.</summary>
    public static Location? Fallback(IEnumerable<PlaceReference> documentReferences)
    {
        var known = documentReferences.Where(r => r.Location?.Point is not null).OrderBy(r => r.Location!.Precision == GeoPrecision.Region ? 0 : 1).ThenBy(r => r.Start).FirstOrDefault();
        return known?.Location is { } l ? new Location(l.Name, l.PlaceId, l.Admin1, l.Admin2, l.Admin3, l.Point, GeoPrecision.Region) : null;
    }

    /// <summary>"the Khrafi road", "X hospital", "a fighter from X": the name is a route, a building or an origin, not where it happened.</summary>
    public static bool IsRouteOrOrigin(TokenView view, PlaceReference reference)
    {
        var first = view.TokenAt(reference.Start);
        var after = view.TokenAt(reference.End);
        // "shelled A, B and C neighbourhoods": a plural closing a list names what every item is, not a quarter of C.
        var listClosed = view.IsAny(after, PluralQuarters) && (view.Is(first - 1, "and") || view.IsPunct(first - 1, ','));
        return (view.IsAny(after, RouteWords) && !listClosed) || IsOrigin(view, reference) || IsBorderLandmark(view, first);
    }

    private static readonly WordSet BorderWords = new("border", "borders", "frontier", "borderline");

    // "near the border with the occupied Golan", "along the borders of X": a border names where a place lies, not a target.
    private static bool IsBorderLandmark(TokenView view, int first)
    {
        for (var k = first - 1; k >= 0 && k >= first - 5; k--)
        {
            if (view.IsAny(k, ["with", "of"]) && view.IsAny(k - 1, BorderWords))
            {
                return true;
            }

            if (view.Tokens[k].Kind == TokenKind.Punctuation || view.IsAny(k, ["in", "at", "on", "and"]))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"a soldier from X", "took off from X base in Y countryside (Z)": the name is where someone or something came from.</summary>
    public static bool IsOrigin(TokenView view, PlaceReference reference)
    {
        var first = view.TokenAt(reference.Start);
        var before = first - 1;
        while (before >= 0 && first - before <= MaxOriginGap && (view.IsAny(before, OriginFillers) || view.IsCapitalised(before) || view.IsPunct(before, '-') || view.IsPunct(before, '(')))
        {
            before--; // "hails from the village of Hawaij X", "a soldier from X town in eastern Y", "took off from X base in Y countryside (Z)"
        }

        return view.IsAny(before, OriginWords);
    }

    // 0 a place, 1 a region inside a governorate, 2 a governorate, 3 a route or origin, 4 an unknown name. "Hasakah province:
    // shelling hit villages in Tel Tamer countryside": the governorate frames the report, the countryside is where it happened.
    private static int Rank(TokenView view, PlaceReference reference)
    {
        if (reference.Location?.Point is null)
        {
            return 4;
        }

        if (IsRouteOrOrigin(view, reference))
        {
            return 3;
        }

        var precision = (GeoPrecision)Math.Max((int)reference.Precision, (int)(reference.Location.Precision ?? GeoPrecision.Place));
        if (reference.NamesGovernorate || (reference.Location.Precision == GeoPrecision.Region && reference.Location.Admin2 is null))
        {
            return 2;
        }

        return precision == GeoPrecision.Region ? 1 : 0;
    }
}
