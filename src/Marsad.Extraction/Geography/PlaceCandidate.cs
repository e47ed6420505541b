using Marsad.Domain.Common;

namespace Marsad.Extraction.Geography;

/// <summary>
/// One candidate for a place reference, as a coder checking a match sees it: the entry, the location it
/// would give, the total score and its parts (name match tier, context), and whether it lies in the area
/// the query named. The location (admin names, precision) is made when first asked for: a reference has
/// many candidates and only the best one's location is used.
/// </summary>
public sealed class PlaceCandidate(GazetteerEntry entry, double score, double nameScore, bool inArea, double? nearestKm, Func<GazetteerEntry, Location> locate)
{
    private Location? location;

    public GazetteerEntry Entry { get; } = entry;

    public double Score { get; } = score;

    public double NameScore { get; } = nameScore;

    public bool InArea { get; } = inArea;

    public double? NearestKm { get; } = nearestKm;

    public Location Location => location ??= locate(Entry);
}
