using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Analytics;

/// <summary>
/// What aggregates need of one event, read from columns and a few JSON paths rather than the whole
/// payload. <see cref="IncidentDates"/> are an aggregate event's listed dates (empty otherwise).
/// </summary>
public sealed record AnalyticsEvent(
    Guid Id,
    string EventType,
    string SubEventType,
    DateOnly Start,
    DateOnly End,
    string? Actor1,
    string? Actor2,
    IReadOnlyList<string> AssociatedActors,
    string? Admin1,
    string? Admin2,
    EventStatus Status,
    Grade? Grade,
    Quantities Quantities,
    int Incidents,
    IReadOnlyList<DateOnly> IncidentDates)
{
    /// <summary>
    /// The one month this event counts in, so that no month repeats a figure of the month before: for an aggregate
    /// with listed dates, the month holding most of them; otherwise the month holding the larger part of its date
    /// span. Ties go to the earlier month (the start of a span is where a report first saw it).
    /// </summary>
    public ReportMonth CountingMonth => ReportMonth.Holding(IncidentDates.Count > 0 ? IncidentDates : null, Start, End);

    public bool Involves(string actor) =>
        string.Equals(Actor1, actor, StringComparison.OrdinalIgnoreCase) || string.Equals(Actor2, actor, StringComparison.OrdinalIgnoreCase)
        || AssociatedActors.Contains(actor, StringComparer.OrdinalIgnoreCase);
}
