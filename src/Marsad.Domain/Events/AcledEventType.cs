namespace Marsad.Domain.Events;

/// <summary>ACLED's six event types, in ACLED's own words. A closed set: there is no public constructor.</summary>
public sealed record AcledEventType
{
    private AcledEventType(string label) => Label = label;

    public string Label { get; }

    public static AcledEventType Battles { get; } = new("Battles");
    public static AcledEventType ExplosionsRemoteViolence { get; } = new("Explosions/Remote violence");
    public static AcledEventType ViolenceAgainstCivilians { get; } = new("Violence against civilians");
    public static AcledEventType Protests { get; } = new("Protests");
    public static AcledEventType Riots { get; } = new("Riots");
    public static AcledEventType StrategicDevelopments { get; } = new("Strategic developments");

    public static IReadOnlyList<AcledEventType> All { get; } =
        [Battles, ExplosionsRemoteViolence, ViolenceAgainstCivilians, Protests, Riots, StrategicDevelopments];

    /// <summary>The type with this exact ACLED label, or null.</summary>
    public static AcledEventType? FromLabel(string? label) => All.FirstOrDefault(t => string.Equals(t.Label, label, StringComparison.Ordinal));

    public override string ToString() => Label;
}
