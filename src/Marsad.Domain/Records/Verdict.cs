namespace Marsad.Domain.Records;

/// <summary>What the evidence says of a party's claim.</summary>
public enum Verdict
{
    Unverified,
    True,
    False,
    Misleading,
}
