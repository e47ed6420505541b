using Marsad.Domain.Events;

namespace Marsad.Core.Analytics;

/// <summary>
/// Which events an aggregate counts; null means any. Actor matches actor1, actor2 or an associated
/// actor. Unreviewed candidates (status extracted) count only when <see cref="IncludeUnreviewed"/>;
/// rejected and merged-away events never count.
/// </summary>
public sealed record AnalyticsFilter
{
    public string? Actor { get; init; }

    public string? Admin1 { get; init; }

    public string? Admin2 { get; init; }

    public string? EventType { get; init; }

    public string? SubEventType { get; init; }

    public EventStatus? Status { get; init; }

    public Grade? Grade { get; init; }

    public bool IncludeUnreviewed { get; init; }
}
