using System.Globalization;
using System.Text;
using Marsad.Core.Analytics;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Tests.Analytics;

/// <summary>
/// MonthAsync (the month before's totals summed by the database, its events decided by the counting-month rule only
/// where the database cannot tell) against MonthAsync as it was (both months' events read, each counted in its month,
/// summed by <see cref="Aggregator"/>), on the same generated record in SQLite and in PostgreSQL, for every filter the
/// report gives.
/// </summary>
public sealed class MonthTotalsTests
{
    private static readonly string[] Actors = ["Global Coalition Against Daesh", "Islamic State (Syria)", "Military Forces of Syria (2000-)", "Civilians (Syria)"];
    private static readonly string?[] Governorates = ["Deir-ez-Zor", "Ar-Raqqa", "Idleb", null];
    private static readonly ReportMonth Month = new(2021, 3);

    private static readonly AnalyticsFilter[] Filters =
    [
        new(),
        new() { IncludeUnreviewed = true },
        // A different case than stored: the actor filter matches case-insensitively, associated actors included.
        new() { Actor = "global coalition against daesh" },
        new() { Admin1 = "Deir-ez-Zor", IncludeUnreviewed = true },
        new() { Status = EventStatus.Published },
        new() { EventType = "Battles", Grade = Grade.Weak },
    ];

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task MonthAsync_with_the_month_befores_totals_summed_by_the_database_equals_the_processes_sums(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(provider, folder);
        await store.Records.SaveManyAsync([.. Generate(new Random(11), 400).Select(e => new RecordSave(e, null, new ChangeContext("t")))]);

        foreach (var filter in Filters)
        {
            var month = await store.Analytics.MonthAsync(Month, filter);
            var oracle = await OracleAsync(store, filter);
            Assert.Equal(Describe(oracle.Current, oracle.Previous, oracle.Events), Describe(month.Current, month.Previous, month.Events));
        }

        // The record holds what the test means to exercise: spans across months, listed dates, open highs, no governorate.
        var all = await store.Analytics.MonthAsync(Month, new AnalyticsFilter { IncludeUnreviewed = true });
        Assert.True(all.Events.Count > 40);
        Assert.Contains(all.Events, e => e.Start < Month.First);
        Assert.Contains(all.Events, e => e.IncidentDates.Count > 1);
        Assert.True(all.Current.Undated.Events > 0);
        Assert.True(all.Current.ByAdmin1.ContainsKey(Aggregator.Unknown));
        Assert.Contains(all.Current.Total.Quantities.Values, q => q.High is null);
        Assert.True(all.Previous.Events > 0);
    }

    [Fact]
    public async Task Sqlite_and_postgresql_give_the_same_month()
    {
        using var folder = new TempFolder();
        var sqlite = await TestStore.OpenAsync(DatabaseProvider.Sqlite, folder);
        var postgres = await TestStore.OpenAsync(DatabaseProvider.PostgreSql, folder);
        foreach (var store in new[] { sqlite, postgres })
        {
            await store.Records.SaveManyAsync([.. Generate(new Random(5), 300).Select(e => new RecordSave(e, null, new ChangeContext("t")))]);
        }

        foreach (var filter in Filters)
        {
            var a = await sqlite.Analytics.MonthAsync(Month, filter);
            var b = await postgres.Analytics.MonthAsync(Month, filter);
            Assert.Equal(Describe(a.Current, a.Previous, a.Events), Describe(b.Current, b.Previous, b.Events));
        }
    }

    /// <summary>MonthAsync as it was: the month's and the last's events read, each counted in its month, summed by the process.</summary>
    private static async Task<(PeriodAggregates Current, Tally Previous, IReadOnlyList<AnalyticsEvent> Events)> OracleAsync(IMarsadStore store, AnalyticsFilter filter)
    {
        var events = (await store.Analytics.EventsAsync(Month.First, Month.Last, filter)).Where(e => e.CountingMonth == Month).ToList();
        var before = (await store.Analytics.EventsAsync(Month.Previous.First, Month.Previous.Last, filter)).Where(e => e.CountingMonth == Month.Previous);
        return (Aggregator.Aggregate(Month.First, Month.Last, events), Aggregator.Totals(before), events);
    }

    /// <summary>Every figure, key and event id of a month, in order, as text (the records hold dictionaries and lists, compared by reference).</summary>
    internal static string Describe(PeriodAggregates current, Tally previous, IReadOnlyList<AnalyticsEvent> events)
    {
        var text = new StringBuilder();
        void Add(string name, Tally tally) => text.Append(name).Append(": ").Append(tally.Events).Append(' ').Append(tally.Incidents)
            .Append(" [").AppendJoin(' ', tally.Quantities.Select(q => $"{q.Key}={q.Value.Low}/{q.Value.Best}/{q.Value.High?.ToString(CultureInfo.InvariantCulture) ?? "open"}"))
            .Append("] ").AppendJoin(',', tally.EventIds.Select(id => id.ToString("D")[..8])).AppendLine();
        void AddAll<TKey>(string name, IReadOnlyDictionary<TKey, Tally> tallies) where TKey : notnull
        {
            foreach (var (key, tally) in tallies)
            {
                Add($"{name} {key}", tally);
            }
        }

        text.Append(current.From).Append(' ').Append(current.To).AppendLine();
        Add("total", current.Total);
        Add("undated", current.Undated);
        Add("previous", previous);
        AddAll("type", current.ByType);
        AddAll("subtype", current.BySubType);
        AddAll("actor", current.ByActor);
        AddAll("admin1", current.ByAdmin1);
        AddAll("admin2", current.ByAdmin2);
        AddAll("grade", current.ByGrade);
        AddAll("status", current.ByStatus);
        AddAll("day", current.ByDay);
        foreach (var (week, types) in current.IncidentsByWeekAndType.OrderBy(w => w.Key))
        {
            text.Append("week ").Append(week).Append(": ").AppendJoin(' ', types.Select(t => $"{t.Key}={t.Value}")).AppendLine();
        }

        foreach (var e in events)
        {
            text.Append(e).Append(' ').AppendJoin(',', e.AssociatedActors).Append(' ').AppendJoin(',', e.IncidentDates)
                .Append(' ').AppendJoin(',', e.Quantities.Select(q => $"{q.Key}={q.Value.Low}/{q.Value.Best}/{q.Value.High}")).AppendLine();
        }
        return text.ToString();
    }

    /// <summary>Events around the month: one-day ones, spans into and out of it, aggregates with listed dates (some repeated, some outside), ranges with and without a ceiling.</summary>
    internal static IEnumerable<ConflictEvent> Generate(Random random, int count)
    {
        var types = AcledSubEventType.All.ToArray();
        for (var i = 0; i < count; i++)
        {
            var start = new DateOnly(2021, 1, 20).AddDays(random.Next(90));
            var span = random.NextDouble() < 0.6 ? 0 : random.Next(1, 45);
            var quantities = Quantities.Empty;
            if (random.NextDouble() < 0.6)
            {
                var n = random.Next(0, 9);
                quantities = quantities.With("fatalities", random.Next(3) switch { 0 => Quantity.Exactly(n), 1 => new Quantity(n, n + 1, n + 4), _ => new Quantity(n, null, null) });
            }

            if (random.NextDouble() < 0.2)
            {
                quantities = quantities.With("arrested", new Quantity(null, null, random.Next(1, 30)));
            }

            var status = random.NextDouble() switch { < 0.6 => EventStatus.Reviewed, < 0.75 => EventStatus.Extracted, < 0.93 => EventStatus.Published, _ => EventStatus.Rejected };
            var actor2 = random.NextDouble() < 0.5 ? Actors[random.Next(Actors.Length)] : null;
            var governorate = Governorates[random.Next(Governorates.Length)];
            yield return new ConflictEvent
            {
                Id = new Guid(Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256)).ToArray()),
                SubEventType = types[random.Next(types.Length)],
                Date = new DateSpan(start, start.AddDays(span), span == 0 ? TimePrecision.Day : TimePrecision.Month),
                Actor1 = Actors[random.Next(Actors.Length)],
                Actor2 = actor2,
                AssocActor1 = random.NextDouble() < 0.15 ? [Actors[random.Next(Actors.Length)]] : [],
                AssocActor2 = random.NextDouble() < 0.1 ? [Actors[0]] : [],
                Location = new Location($"Place {i}", null, governorate, governorate is null || random.Next(2) == 0 ? null : governorate + " district", null, null, null),
                Quantities = quantities,
                Aggregate = random.NextDouble() < 0.15
                    ? new Aggregate(random.Next(2, 6), [], Enumerable.Range(0, random.Next(0, 4)).Select(_ => start.AddDays(random.Next(-3, span + 4))))
                    : null,
                Status = status,
                Grade = status == EventStatus.Extracted ? null : (Grade)random.Next(5),
                Summary = "generated for the month test",
            };
        }
    }
}
