using Marsad.Domain.Common;

namespace Marsad.Extraction.Geography;

/// <summary>
/// One candidate for a place reference, as a coder checking a match sees it: the entry, the location it
/// would give, the total score and its parts (name match tier, context), and whether it lies in the area
/// the query named.
/// </summary>
public sealed record PlaceCandidate(GazetteerEntry Entry, Location Location, double Score, double NameScore, bool InArea, double? NearestKm);
