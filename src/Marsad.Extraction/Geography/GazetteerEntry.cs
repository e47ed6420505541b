using System.Collections.Immutable;
using Marsad.Domain.Common;

namespace Marsad.Extraction.Geography;

/// <summary>
/// One place of the gazetteer. <see cref="Admin1"/>..<see cref="Admin3"/> are OCHA P-codes found by
/// point-in-polygon when the gazetteer was built (admin3: the entry's own sub-district when its source
/// gives one in the same district, else the nearest sub-district centroid in the district).
/// <see cref="Prominence"/> ranks homonyms: larger, more often reported places score higher.
/// <see cref="Confidence"/> is the source's word on the point ("anchor_osm_within_1km", "high", "medium",
/// "low", "geonames", "ucdp", "user"; "admin3_centroid" when only the sub-district is known, "town_centre"
/// for a neighbourhood known only to lie in its town).
/// </summary>
public sealed record GazetteerEntry(
    string Id,
    string Name,
    PlaceKind Kind,
    GeoPoint Point,
    string? Admin1,
    string? Admin2,
    string? Admin3,
    long Population,
    double Prominence,
    string Confidence,
    string Sources,
    ImmutableArray<string> AlternateNames)
{
    public const string CentroidConfidence = "admin3_centroid";
    public const string TownCentreConfidence = "town_centre";

    /// <summary>True when the point only stands for the sub-district the place lies in.</summary>
    public bool IsApproximate => Confidence == CentroidConfidence;

    /// <summary>True when the point is the centre of the town a neighbourhood lies in.</summary>
    public bool IsTownCentre => Confidence == TownCentreConfidence;

    /// <summary>How much the point itself can be trusted, 0 (a centroid) to 0.15 (surveyed): a tie-breaker between homonyms.</summary>
    public double PointTrust => Confidence switch
    {
        "anchor_osm_within_1km" or "geonames" or "ocha" or "user" => 0.15,
        "high" => 0.12,
        "name_match_ge85" or "medium" or "ucdp" => 0.08,
        TownCentreConfidence => 0.05,
        _ => 0,
    };

    /// <summary>The name and every alternate name.</summary>
    public IEnumerable<string> AllNames => AlternateNames.Prepend(Name);
}
