using System.Collections.Immutable;
using Marsad.Domain.Common;

namespace Marsad.Extraction.Geography;

/// <summary>
/// One place of the gazetteer. <see cref="Admin1"/>..<see cref="Admin3"/> are OCHA P-codes found by
/// point-in-polygon when the gazetteer was built (admin3: the entry's own sub-district when its source
/// gives one in the same district, else the nearest sub-district centroid in the district).
/// <see cref="Prominence"/> ranks homonyms: larger, more often reported places score higher.
/// <see cref="Confidence"/> is the source's word on the point ("anchor_osm_within_1km", "high", "medium",
/// "low", "geonames", "ucdp", "user"; "admin3_centroid" when only the sub-district is known).
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

    /// <summary>True when the point only stands for the sub-district the place lies in.</summary>
    public bool IsApproximate => Confidence == CentroidConfidence;

    /// <summary>The name and every alternate name.</summary>
    public IEnumerable<string> AllNames => AlternateNames.Prepend(Name);
}
