namespace Marsad.Core.Corroboration;

/// <summary>
/// What corroboration compares of an event: its kind, days, point or admin area, actors and deaths,
/// and the source that reported it (one source reports one incident once, so two events from the
/// same source are never the same incident).
/// </summary>
public sealed record EventSignature(
    Guid Id,
    string Source,
    string SubEventType,
    DateOnly Start,
    DateOnly End,
    double? Latitude,
    double? Longitude,
    string? AdminArea,
    string? Actor1,
    string? Actor2,
    int? Fatalities);
