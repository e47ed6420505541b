using Marsad.Core.Analytics;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Tests.Analytics;

/// <summary>
/// <see cref="Aggregator.Aggregate"/> (buckets by enum value, ranges made once per shared quantities object) and the
/// month's read in parts (<see cref="IEventAnalytics.EventsAsync"/>) against the plainest statement of the same rules:
/// every bucket recounted event by event with LINQ, on a generated record read back from SQLite and from PostgreSQL.
/// </summary>
public sealed class AggregatorTests
{
    private static readonly ReportMonth Month = new(2021, 3);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_aggregate_of_a_month_read_in_parts_equals_a_plain_recount(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(provider, folder);
        // Undated events (no day resolved) belong to no month and must not enter the read; the rest span days, list
        // dates and share or repeat quantities.
        var generated = MonthTotalsTests.Generate(new Random(23), 500).ToList();
        var undated = generated.Take(25).Select(e => e with { Date = DateSpan.Unresolved, DateText = "the day before" });
        await store.Records.SaveManyAsync([.. undated.Concat(generated.Skip(25)).Select(e => new RecordSave(e, null, new ChangeContext("t")))]);

        foreach (var filter in new AnalyticsFilter[] { new() { IncludeUnreviewed = true }, new() { Admin1 = "Idleb" }, new() { Actor = "islamic state (syria)" } })
        {
            var events = await store.Analytics.EventsAsync(Month.First, Month.Last, filter);
            Assert.Equal(events.OrderBy(e => e.Start).ThenBy(e => e.Id.ToString("D"), StringComparer.Ordinal), events);
            Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
            Assert.DoesNotContain(events, e => generated.Take(25).Any(u => u.Id == e.Id));

            // The same events with every quantities object a copy of its own: sharing must not change a figure.
            var copies = events.Select(e => e with { Quantities = new Quantities(e.Quantities) }).ToList();
            var expected = MonthTotalsTests.Describe(Recount(Month.First, Month.Last, events), new Tally(), events);
            Assert.Equal(expected, MonthTotalsTests.Describe(Aggregator.Aggregate(Month.First, Month.Last, events), new Tally(), events));
            Assert.Equal(expected, MonthTotalsTests.Describe(Aggregator.Aggregate(Month.First, Month.Last, copies), new Tally(), events));
        }

        var all = await store.Analytics.EventsAsync(Month.First, Month.Last, new AnalyticsFilter { IncludeUnreviewed = true });
        Assert.Contains(all, e => e.Start < Month.First && e.End >= Month.First);
        Assert.Contains(all, e => e.Start > Month.First.AddDays(20));
        Assert.Contains(all, e => e.IncidentDates.Count > 1);
        Assert.Equal(25 - generated.Take(25).Count(e => e.Status == EventStatus.Rejected), await store.Analytics.UndatedCountAsync(new AnalyticsFilter { IncludeUnreviewed = true }));
    }

    /// <summary>The period's buckets recounted from the events, one dimension at a time.</summary>
    private static PeriodAggregates Recount(DateOnly from, DateOnly to, IReadOnlyList<AnalyticsEvent> events)
    {
        static Tally Count(IEnumerable<(AnalyticsEvent Event, int Incidents, bool Figures)> counted)
        {
            var tally = new Tally();
            foreach (var (e, incidents, figures) in counted)
            {
                tally.Add(e.Id, incidents, figures ? e.Quantities : Quantities.Empty);
            }

            return tally;
        }

        IReadOnlyDictionary<string, Tally> By(Func<AnalyticsEvent, IEnumerable<string>> keys) =>
            new SortedDictionary<string, Tally>(events.SelectMany(e => keys(e).Distinct().Select(k => (Key: k, Event: e)))
                .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => Count(g.Select(x => (x.Event, x.Event.Incidents, true)))), StringComparer.Ordinal);

        List<DateOnly> Days(AnalyticsEvent e) => e.IncidentDates.Count > 0
            ? [.. e.IncidentDates.Where(d => d >= from && d <= to)]
            : e.Start == e.End && e.Start >= from && e.Start <= to ? [e.Start] : [];

        var placed = events.SelectMany(e => Days(e).Select(d => (Day: d, Event: e, Alone: Days(e).Count == 1))).ToList();
        return new PeriodAggregates(from, to,
            Count(events.Select(e => (e, e.Incidents, true))),
            By(e => [e.EventType]),
            By(e => [e.SubEventType]),
            By(e => new[] { e.Actor1, e.Actor2 }.Concat(e.AssociatedActors).OfType<string>()),
            By(e => [e.Admin1 ?? Aggregator.Unknown]),
            By(e => [e.Admin2 ?? Aggregator.Unknown]),
            By(e => [e.Grade is { } g ? g.ToString().ToLowerInvariant() : "ungraded"]),
            By(e => [e.Status.ToString().ToLowerInvariant()]),
            new SortedDictionary<DateOnly, Tally>(placed.GroupBy(p => p.Day).ToDictionary(g => g.Key, g => Count(g.Select(p => (p.Event, 1, p.Alone))))),
            placed.GroupBy(p => p.Day.AddDays(-(((int)p.Day.DayOfWeek + 6) % 7))).OrderBy(g => g.Key).ToDictionary(g => g.Key,
                g => (IReadOnlyDictionary<string, int>)new SortedDictionary<string, int>(g.GroupBy(p => p.Event.EventType).ToDictionary(t => t.Key, t => t.Count()), StringComparer.Ordinal)),
            Count(events.Where(e => Days(e).Count == 0).Select(e => (e, e.Incidents, true))));
    }
}
