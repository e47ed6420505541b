using Marsad.Domain.Events;

namespace Marsad.Core.Analytics;

/// <summary>Builds a period's aggregates from its events (pure: the query layer reads the rows).</summary>
public static class Aggregator
{
    public const string Unknown = "(unknown)";

    public static PeriodAggregates Aggregate(DateOnly from, DateOnly to, IEnumerable<AnalyticsEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var total = new Tally();
        var undated = new Tally();
        var byType = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var bySubType = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var byActor = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var byAdmin1 = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var byAdmin2 = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var byGrade = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var byStatus = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var byDay = new SortedDictionary<DateOnly, Tally>();
        var weeks = new SortedDictionary<DateOnly, SortedDictionary<string, int>>();
        foreach (var e in events)
        {
            var ranges = Tally.Ranges(e.Quantities);
            total.Add(e.Id, e.Incidents, ranges);
            Add(byType, e.EventType, e, ranges);
            Add(bySubType, e.SubEventType, e, ranges);
            foreach (var actor in new[] { e.Actor1, e.Actor2 }.Concat(e.AssociatedActors).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                Add(byActor, actor, e, ranges);
            }

            Add(byAdmin1, e.Admin1 ?? Unknown, e, ranges);
            Add(byAdmin2, e.Admin2 ?? Unknown, e, ranges);
            Add(byGrade, e.Grade is { } g ? Name(g) : "ungraded", e, ranges);
            Add(byStatus, Name(e.Status), e, ranges);
            var days = IncidentDays(e, from, to);
            if (days.Count == 0)
            {
                undated.Add(e.Id, e.Incidents, ranges);
                continue;
            }

            foreach (var day in days)
            {
                // A day's tally counts the incident; the event's quantities are not split across its dates.
                if (!byDay.TryGetValue(day, out var tally))
                {
                    byDay[day] = tally = new Tally();
                }

                tally.Add(e.Id, 1, days.Count == 1 ? ranges : []);
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                if (!weeks.TryGetValue(monday, out var types))
                {
                    weeks[monday] = types = new SortedDictionary<string, int>(StringComparer.Ordinal);
                }

                types[e.EventType] = types.GetValueOrDefault(e.EventType) + 1;
            }
        }

        return new PeriodAggregates(from, to, total, byType, bySubType, byActor, byAdmin1, byAdmin2, byGrade, byStatus, byDay,
            weeks.ToDictionary(w => w.Key, w => (IReadOnlyDictionary<string, int>)w.Value), undated);
    }

    /// <summary>Only the totals of a period (for comparison with the month before: no breakdowns to build).</summary>
    public static Tally Totals(IEnumerable<AnalyticsEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var total = new Tally();
        foreach (var e in events)
        {
            total.Add(e.Id, e.Incidents, e.Quantities);
        }

        return total;
    }

    /// <summary>The days in [from, to] on which the event's incidents happened, when the record says.</summary>
    public static IReadOnlyList<DateOnly> IncidentDays(AnalyticsEvent e, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.IncidentDates.Count > 0)
        {
            return [.. e.IncidentDates.Where(d => d >= from && d <= to)];
        }

        return e.Start == e.End && e.Start >= from && e.Start <= to ? [e.Start] : [];
    }

    private static void Add(SortedDictionary<string, Tally> buckets, string key, AnalyticsEvent e, KeyValuePair<string, QuantityRange>[] ranges)
    {
        if (!buckets.TryGetValue(key, out var tally))
        {
            buckets[key] = tally = new Tally();
        }

        tally.Add(e.Id, e.Incidents, ranges);
    }

    private static string Name(EventStatus status) => EnumNames.Of(status);

    private static string Name(Grade grade) => EnumNames.Of(grade);
}
