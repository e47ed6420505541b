namespace Marsad.Core.Corroboration;

/// <summary>
/// What corroboration compares of an event: its kind, days, point or admin area, actors and deaths,
/// and the sources that reported it (one source reports one incident once, so two events sharing a
/// source are never the same incident; an event already corroborated carries several sources).
/// </summary>
public sealed record EventSignature(
    Guid Id,
    IReadOnlyList<string> Sources,
    string SubEventType,
    DateOnly Start,
    DateOnly End,
    double? Latitude,
    double? Longitude,
    string? AdminArea,
    string? Actor1,
    string? Actor2,
    int? Fatalities)
{
    /// <summary>
    /// The event has no date (<see cref="Domain.Common.DateSpan.Unresolved"/>, whose day is <see cref="DateOnly.MinValue"/>):
    /// two undated events share that mark, not a day, so it never matches anything on dates.
    /// </summary>
    public bool Undated => Start == DateOnly.MinValue;
}
