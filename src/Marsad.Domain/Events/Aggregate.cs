using System.Collections.Immutable;
using Marsad.Domain.Common;

namespace Marsad.Domain.Events;

/// <summary>
/// A summary of several incidents the text does not break down ("seven joint operations ... in A, B, C"):
/// how many incidents, every place named, every date named. The event's quantities hold the totals.
/// </summary>
public sealed record Aggregate
{
    public Aggregate(int incidents, IEnumerable<Location> places, IEnumerable<DateOnly> dates)
    {
        DomainException.ThrowIf(incidents < 1, $"aggregate: incidents must be at least 1, not {incidents}");
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(dates);
        Incidents = incidents;
        Places = [.. places];
        Dates = [.. dates.Order()];
        DomainException.ThrowIf(Places.Any(p => p is null), "aggregate: a place is missing");
    }

    public int Incidents { get; }

    public ImmutableArray<Location> Places { get; }

    /// <summary>The dates named for the incidents, in order (may be fewer than the incidents).</summary>
    public ImmutableArray<DateOnly> Dates { get; }

    public bool Equals(Aggregate? other) => other is not null && Incidents == other.Incidents && Places.SequenceEqual(other.Places) && Dates.SequenceEqual(other.Dates);

    public override int GetHashCode() => HashCode.Combine(Incidents, Places.Length, Dates.Length);
}
