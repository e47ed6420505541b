using Marsad.Domain.Events;

namespace Marsad.Core.Analytics;

/// <summary>Builds a period's aggregates from its events (pure: the query layer reads the rows).</summary>
public static class Aggregator
{
    public const string Unknown = "(unknown)";

    /// <remarks>
    /// A month of a large record is tens of thousands of events, each added to a dozen buckets: the buckets are hash
    /// maps while counting and sorted once at the end, and an event's actors and days are found without building sequences.
    /// </remarks>
    public static PeriodAggregates Aggregate(DateOnly from, DateOnly to, IEnumerable<AnalyticsEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var total = new Tally();
        var undated = new Tally();
        var byType = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var bySubType = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var byActor = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var byAdmin1 = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var byAdmin2 = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var byGrade = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var byStatus = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var byDay = new Dictionary<DateOnly, Tally>();
        var weeks = new Dictionary<DateOnly, Dictionary<string, int>>();
        var actors = new List<string>(4);
        var days = new List<DateOnly>(4);
        foreach (var e in events)
        {
            var ranges = Tally.Ranges(e.Quantities);

            total.Add(e.Id, e.Incidents, ranges);
            Add(byType, e.EventType, e, ranges);
            Add(bySubType, e.SubEventType, e, ranges);
            actors.Clear();
            AddActor(actors, e.Actor1);
            AddActor(actors, e.Actor2);
            foreach (var associated in e.AssociatedActors)
            {
                AddActor(actors, associated);
            }

            foreach (var actor in actors)
            {
                Add(byActor, actor, e, ranges);
            }

            Add(byAdmin1, e.Admin1 ?? Unknown, e, ranges);
            Add(byAdmin2, e.Admin2 ?? Unknown, e, ranges);
            Add(byGrade, e.Grade is { } g ? Name(g) : "ungraded", e, ranges);
            Add(byStatus, Name(e.Status), e, ranges);
            IncidentDays(e, from, to, days);
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
                    weeks[monday] = types = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                types[e.EventType] = types.GetValueOrDefault(e.EventType) + 1;
            }
        }

        return new PeriodAggregates(from, to, total, Sorted(byType), Sorted(bySubType), Sorted(byActor), Sorted(byAdmin1), Sorted(byAdmin2),
            Sorted(byGrade), Sorted(byStatus), new SortedDictionary<DateOnly, Tally>(byDay),
            weeks.OrderBy(w => w.Key).ToDictionary(w => w.Key, w => (IReadOnlyDictionary<string, int>)new SortedDictionary<string, int>(w.Value, StringComparer.Ordinal)),
            undated);
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
        var days = new List<DateOnly>();
        IncidentDays(e, from, to, days);
        return days;
    }

    /// <summary>As <see cref="IncidentDays(AnalyticsEvent, DateOnly, DateOnly)"/>, into a list the caller reuses.</summary>
    private static void IncidentDays(AnalyticsEvent e, DateOnly from, DateOnly to, List<DateOnly> days)
    {
        ArgumentNullException.ThrowIfNull(e);
        days.Clear();
        if (e.IncidentDates.Count > 0)
        {
            foreach (var d in e.IncidentDates)
            {
                if (d >= from && d <= to)
                {
                    days.Add(d);
                }
            }
        }
        else if (e.Start == e.End && e.Start >= from && e.Start <= to)
        {
            days.Add(e.Start);
        }
    }

    private static void AddActor(List<string> actors, string? actor)
    {
        if (actor is not null && !actors.Contains(actor))
        {
            actors.Add(actor);
        }
    }

    private static SortedDictionary<string, Tally> Sorted(Dictionary<string, Tally> buckets) => new(buckets, StringComparer.Ordinal);

    private static void Add(Dictionary<string, Tally> buckets, string key, AnalyticsEvent e, KeyValuePair<string, QuantityRange>[] ranges)
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
