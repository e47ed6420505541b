using Marsad.Domain.Common;
using Marsad.Extraction.Geography;

namespace Marsad.Core.Gazetteer;

/// <summary>
/// A place read from one source, before merging with the same place from other sources.
/// <see cref="PointQuality"/> orders points: 3 surveyed (GeoNames, OSM-anchored OCHA points),
/// 2 inferred or reported, 1 low confidence, 0 only the sub-district's centroid.
/// <see cref="Mentions"/> counts the conflict events reported there (UCDP), a sign of prominence.
/// </summary>
public sealed record PlaceDraft(
    string Id,
    string Name,
    PlaceKind Kind,
    GeoPoint Point,
    double PointQuality,
    string Confidence,
    string Source,
    IReadOnlyList<string> Names,
    long Population = 0,
    int Mentions = 0,
    string? Admin3Hint = null)
{
    public bool IsApproximate => Confidence == GazetteerEntry.CentroidConfidence;
}
