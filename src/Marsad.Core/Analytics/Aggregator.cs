using System.Runtime.InteropServices;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Analytics;

/// <summary>Builds a period's aggregates from its events (pure: the query layer reads the rows).</summary>
public static class Aggregator
{
    public const string Unknown = "(unknown)";

    private static readonly Grade[] Grades = Enum.GetValues<Grade>();

    private static readonly EventStatus[] Statuses = Enum.GetValues<EventStatus>();

    /// <remarks>
    /// A month of a large record is tens of thousands of events, each added to a dozen buckets: the buckets are hash
    /// maps while counting and sorted once at the end, and an event's actors and days are found without building sequences.
    /// Statuses and grades, a handful of values, are counted in arrays by value and named at the end. An event's
    /// quantities become ranges once per distinct <see cref="Quantities"/> object: a month's read shares one among the
    /// events whose facts are the same (EventAnalytics.ReadAsync), and walking its immutable sorted dictionary for every
    /// event was a third of this method's time.
    /// </remarks>
    public static PeriodAggregates Aggregate(DateOnly from, DateOnly to, IEnumerable<AnalyticsEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var total = new Tally(events.TryGetNonEnumeratedCount(out var count) ? count : 0);
        var undated = new Tally();
        var byType = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var bySubType = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var byActor = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var byAdmin1 = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var byAdmin2 = new Dictionary<string, Tally>(StringComparer.Ordinal);
        // By the enum's value; the last grade slot holds the ungraded.
        var byGrade = new Tally?[Grades.Length + 1];
        var byStatus = new Tally?[Statuses.Length];
        var byDay = new Dictionary<DateOnly, Tally>();
        var weeks = new Dictionary<DateOnly, Dictionary<string, int>>();
        var rangesOf = new Dictionary<Quantities, KeyValuePair<string, QuantityRange>[]>(ReferenceEqualityComparer.Instance);
        var actors = new List<string>(4);
        var days = new List<DateOnly>(4);
        foreach (var e in events)
        {
            ref var ranges = ref CollectionsMarshal.GetValueRefOrAddDefault(rangesOf, e.Quantities, out _);
            ranges ??= Tally.Ranges(e.Quantities);

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
            Add(byGrade, e.Grade is { } g ? Slot(g) : Grades.Length, e, ranges);
            Add(byStatus, Slot(e.Status), e, ranges);
            IncidentDays(e, from, to, days);
            if (days.Count == 0)
            {
                undated.Add(e.Id, e.Incidents, ranges);
                continue;
            }

            foreach (var day in days)
            {
                // A day's tally counts the incident; the event's quantities are not split across its dates.
                (CollectionsMarshal.GetValueRefOrAddDefault(byDay, day, out _) ??= new Tally()).Add(e.Id, 1, days.Count == 1 ? ranges : []);
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                var types = CollectionsMarshal.GetValueRefOrAddDefault(weeks, monday, out _) ??= new Dictionary<string, int>(StringComparer.Ordinal);
                CollectionsMarshal.GetValueRefOrAddDefault(types, e.EventType, out _)++;
            }
        }

        return new PeriodAggregates(from, to, total, Sorted(byType), Sorted(bySubType), Sorted(byActor), Sorted(byAdmin1), Sorted(byAdmin2),
            Named(byGrade, i => i < Grades.Length ? Name(Grades[i]) : "ungraded"), Named(byStatus, i => Name(Statuses[i])), new SortedDictionary<DateOnly, Tally>(byDay),
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

    /// <summary>The counted slots of an array by enum value, under their names.</summary>
    private static SortedDictionary<string, Tally> Named(Tally?[] slots, Func<int, string> name)
    {
        var named = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        for (var i = 0; i < slots.Length; i++)
        {
            if (slots[i] is { } tally)
            {
                named.Add(name(i), tally);
            }
        }

        return named;
    }

    private static void Add(Dictionary<string, Tally> buckets, string key, AnalyticsEvent e, KeyValuePair<string, QuantityRange>[] ranges) =>
        (CollectionsMarshal.GetValueRefOrAddDefault(buckets, key, out _) ??= new Tally()).Add(e.Id, e.Incidents, ranges);

    private static void Add(Tally?[] slots, int slot, AnalyticsEvent e, KeyValuePair<string, QuantityRange>[] ranges) =>
        (slots[slot] ??= new Tally()).Add(e.Id, e.Incidents, ranges);

    private static int Slot(Grade grade) => Array.IndexOf(Grades, grade);

    private static int Slot(EventStatus status) => Array.IndexOf(Statuses, status);

    private static string Name(EventStatus status) => EnumNames.Of(status);

    private static string Name(Grade grade) => EnumNames.Of(grade);
}
