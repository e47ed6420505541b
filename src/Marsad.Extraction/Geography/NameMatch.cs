namespace Marsad.Extraction.Geography;

/// <summary>How a name matched an entry: the index tier's score (1 exact key, lower for looser tiers).</summary>
public readonly record struct NameMatch(int Entry, double Score);
