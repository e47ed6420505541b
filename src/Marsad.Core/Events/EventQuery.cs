using Marsad.Domain.Events;

namespace Marsad.Core.Events;

/// <summary>
/// Filters for listing events; null means "any". Dates select events whose span overlaps
/// [From, To]; Actor matches actor1, actor2 or an associated actor; Text is full-text: each of its words must
/// begin a word of the event's text fields as the role reads them (Search/EventWords); Within, Near, UpdatedSince and After serve maps, sync and paging. Merged-away events are left out: they live on inside the event they were merged into.
/// </summary>
public sealed record EventQuery
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? EventType { get; init; }

    public string? SubEventType { get; init; }

    public string? Actor { get; init; }

    public string? Admin1 { get; init; }

    public string? Admin2 { get; init; }

    public EventStatus? Status { get; init; }

    public Grade? Grade { get; init; }

    public string? Text { get; init; }

    /// <summary>Only events whose point lies in this box (events without a point are left out).</summary>
    public BoundingBox? Within { get; init; }

    /// <summary>Only events whose point lies within this circle on the earth (events without a point are left out).</summary>
    public GeoCircle? Near { get; init; }

    /// <summary>Only events changed at or after this instant: incremental sync.</summary>
    public DateTimeOffset? UpdatedSince { get; init; }

    /// <summary>Keyset pagination: only events after this one in the listing order (date, then id).</summary>
    public EventCursor? After { get; init; }

    public int Limit { get; init; } = 1000;
}
