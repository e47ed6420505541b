namespace Marsad.Core.Corroboration;

/// <summary>
/// The knobs of corroboration. Defaults were tuned on the generator's development corpus (seed 1);
/// the benchmark reports on a different seed.
/// </summary>
public sealed record CorroborationOptions
{
    /// <summary>Reports of one incident may disagree on the date by this many days.</summary>
    public int MaxDayGap { get; init; } = 2;

    /// <summary>Points further apart than this are different incidents.</summary>
    public double MaxDistanceKm { get; init; } = 12;

    /// <summary>Pairs scoring at least this are the same incident.</summary>
    public double Threshold { get; init; } = 0.55;
}
