using Marsad.Core.Analytics;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Tests.Analytics;

public sealed class EventAnalyticsTests
{
    private const string Coalition = "Global Coalition Against Daesh";

    [Fact]
    public async Task A_month_counts_its_events_by_every_dimension_and_places_incidents_on_their_days()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var convoy = Event(new DateOnly(2020, 12, 23), new DateOnly(2021, 1, 20), Coalition, "Al-Hasakeh", ("vehicles", Quantity.Exactly(240))) with
        {
            Aggregate = new Aggregate(3, [], [new DateOnly(2020, 12, 23), new DateOnly(2021, 1, 4), new DateOnly(2021, 1, 19)]),
        };
        var strike = Event(new DateOnly(2021, 1, 10), new DateOnly(2021, 1, 10), Coalition, "Deir-ez-Zor", ("fatalities", new Quantity(2, 3, 5)));
        var clash = Event(new DateOnly(2021, 1, 12), new DateOnly(2021, 1, 12), "Islamic State (Syria)", "Deir-ez-Zor", ("fatalities", new Quantity(4, 4, null)));
        var rejected = Event(new DateOnly(2021, 1, 13), new DateOnly(2021, 1, 13), Coalition, "Deir-ez-Zor") with { Status = EventStatus.Rejected };
        var unreviewed = Event(new DateOnly(2021, 1, 14), new DateOnly(2021, 1, 14), Coalition, "Deir-ez-Zor") with { Status = EventStatus.Extracted };
        foreach (var e in new[] { convoy, strike, clash with { AssocActor1 = [Coalition] }, rejected, unreviewed })
        {
            await store.Records.AddAsync(e, new ChangeContext("test"));
        }

        var month = await store.Analytics.MonthAsync(new ReportMonth(2021, 1), new AnalyticsFilter { Actor = Coalition });

        Assert.Equal(3, month.Current.Total.Events);
        Assert.Equal(5, month.Current.Total.Incidents);
        Assert.Equal(new QuantityRange(6, 7, null), month.Current.Total.Quantity("fatalities"));
        Assert.Equal(240, month.Current.Total.Quantity("vehicles").Best);
        Assert.Equal(2, month.Current.ByAdmin1["Deir-ez-Zor"].Events);
        Assert.Equal(3, month.Current.ByActor[Coalition].Events);
        Assert.Equal([new DateOnly(2021, 1, 4), new DateOnly(2021, 1, 10), new DateOnly(2021, 1, 12), new DateOnly(2021, 1, 19)], month.Current.ByDay.Keys.ToArray());
        Assert.Equal([2, 1, 1], month.Current.IncidentsByWeekAndType.OrderBy(w => w.Key).Select(w => w.Value.Values.Sum()).ToArray());
        Assert.Equal(new DateOnly(2021, 1, 4), month.Current.IncidentsByWeekAndType.Keys.Min());
        // The convoy's listed dates lie mostly in January: it counts there, not in December as well.
        Assert.Equal(0, month.Previous.Events);
        Assert.Equal(76, month.OperationMonth);
        Assert.Equal(4, (await store.Analytics.MonthAsync(new ReportMonth(2021, 1), new AnalyticsFilter { Actor = Coalition, IncludeUnreviewed = true })).Current.Total.Events);
    }

    [Fact]
    public async Task An_event_overlapping_two_months_counts_in_the_one_holding_most_of_it_only()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        // 7 days in January, 10 in February; an aggregate whose listed dates are 2 in March and 1 in April.
        await store.Records.AddAsync(Event(new DateOnly(2021, 1, 25), new DateOnly(2021, 2, 10), Coalition, "Deir-ez-Zor", ("fatalities", Quantity.Exactly(4))), new ChangeContext("t"));
        await store.Records.AddAsync(Event(new DateOnly(2021, 3, 28), new DateOnly(2021, 4, 2), Coalition, "Deir-ez-Zor", ("arrested", Quantity.Exactly(12))) with
        {
            Aggregate = new Aggregate(3, [], [new DateOnly(2021, 3, 28), new DateOnly(2021, 3, 30), new DateOnly(2021, 4, 2)]),
        }, new ChangeContext("t"));
        var filter = new AnalyticsFilter { Actor = Coalition };

        var months = new Dictionary<int, MonthlyAnalytics>();
        foreach (var m in new[] { 1, 2, 3, 4 })
        {
            months[m] = await store.Analytics.MonthAsync(new ReportMonth(2021, m), filter);
        }

        Assert.Equal([0, 1, 1, 0], months.Values.Select(m => m.Current.Total.Events).ToArray());
        Assert.Equal(4, months[2].Current.Total.Quantity("fatalities").Low);
        Assert.Equal(0, months[2].Previous.Events);
        Assert.Equal(1, months[4].Previous.Events);
        Assert.Equal(12, months[3].Current.Total.Quantity("arrested").Low);
        Assert.Equal(0, months[4].Current.Total.Quantity("arrested").Low);
    }

    [Theory]
    [InlineData("2021-01-31", "2021-02-01", "2021-01")] // one day each: the earlier month
    [InlineData("2021-01-20", "2021-03-05", "2021-02")] // a whole month in between holds the most days
    [InlineData("2021-05-03", "2021-05-09", "2021-05")]
    public void The_counting_month_holds_the_larger_part_of_the_span(string start, string end, string expected)
    {
        var month = ReportMonth.Holding(null, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, month.ToString());
    }

    [Fact]
    public async Task Running_totals_follow_every_write_in_the_same_transaction()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var since = new DateOnly(2014, 9, 23);
        var a = await store.Records.AddAsync(Event(new DateOnly(2019, 3, 1), new DateOnly(2019, 3, 1), Coalition, "Deir-ez-Zor", ("fatalities", Quantity.Exactly(5))), new ChangeContext("t"));
        var b = await store.Records.AddAsync(Event(new DateOnly(2020, 6, 1), new DateOnly(2020, 7, 15), "Islamic State (Syria)", "Ar-Raqqa", ("fatalities", new Quantity(1, 2, 3))) with { Actor2 = Coalition }, new ChangeContext("t"));
        await store.Records.AddAsync(Event(new DateOnly(2021, 2, 1), new DateOnly(2021, 2, 1), Coalition, "Ar-Raqqa", ("fatalities", Quantity.Exactly(9))), new ChangeContext("t"));

        var before = await store.Analytics.RunningTotalsAsync(since, new ReportMonth(2021, 1), Coalition, null, includeUnreviewed: false);
        var raqqa = await store.Analytics.RunningTotalsAsync(since, new ReportMonth(2021, 1), null, "Ar-Raqqa", includeUnreviewed: false);
        await store.Records.UpdateAsync(a.Value with { Status = EventStatus.Rejected }, a.Version, new ChangeContext("t"));
        await store.Records.UpdateAsync(b.Value with { Quantities = Quantities.Empty.With("fatalities", new Quantity(1, 2, null)) }, b.Version, new ChangeContext("t"));
        var after = await store.Analytics.RunningTotalsAsync(since, new ReportMonth(2021, 1), Coalition, null, includeUnreviewed: false);

        Assert.Equal(2, before.Events);
        Assert.Equal(new QuantityRange(6, 7, 8), before.Fatalities);
        Assert.Equal(1, raqqa.Events);
        Assert.Equal(1, after.Events);
        Assert.Equal(new QuantityRange(1, 2, null), after.Fatalities);
        var series = await store.Analytics.MonthlySeriesAsync(new ReportMonth(2019, 1), new ReportMonth(2021, 12), null, null, includeUnreviewed: false);
        Assert.Equal(["2020-06", "2021-02"], series.Where(m => m.Events > 0).Select(m => m.Month.ToString()).ToArray());
        var july = await store.Analytics.EventsAsync(new DateOnly(2020, 7, 10), new DateOnly(2020, 7, 31), new AnalyticsFilter());
        Assert.Equal([b.Value.Id], july.Select(e => e.Id).ToArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Facts_and_totals_kept_by_the_triggers_equal_a_recount_after_every_kind_of_change(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        var target = TestDatabases.Target(provider, folder);
        var store = await MarsadStorage.OpenAsync(target, FixedClock.At(2021, 1, 23));
        var recounts = new List<string>();
        async Task Recount(string after)
        {
            await using var connection = Open(target);
            var facts = provider == DatabaseProvider.Sqlite ? RecountedFacts : PostgresRecountedFacts;
            var totals = provider == DatabaseProvider.Sqlite ? RecountedTotals : PostgresRecountedTotals;
            Assert.True(Rows(connection, facts).SequenceEqual(Rows(connection, "SELECT date_start, id, date_end, status, event_type, sub_event_type, actor1, actor2, admin1, admin2, grade, facts FROM event_facts ORDER BY date_start, id")), $"event_facts differ from a recount after {after}");
            Assert.True(Rows(connection, totals).SequenceEqual(Rows(connection, "SELECT actor, admin1, reviewed, month, events, fatalities_low, fatalities_best, fatalities_high, fatalities_open FROM event_month_totals WHERE events <> 0 ORDER BY actor, admin1, reviewed, month")), $"event_month_totals differ from a recount after {after}");
            recounts.Add(after);
        }

        // An undated event counts in no month; dating it later moves it into one, and a new status, actors and
        // governorate move its counts between rows.
        var undated = await store.Records.AddAsync(Event(new DateOnly(2021, 5, 1), new DateOnly(2021, 5, 1), "Islamic State (Syria)", "Ar-Raqqa", ("fatalities", Quantity.Exactly(2))) with { Date = DateSpan.Unresolved }, new ChangeContext("t"));
        await Recount("an undated insert");
        var dated = await store.Records.UpdateAsync(undated.Value with { Date = DateSpan.OnDay(new DateOnly(2021, 5, 2)) }, undated.Version, new ChangeContext("t"));
        await Recount("dating an undated event");
        var moved = await store.Records.UpdateAsync(dated.Value with { Date = new DateSpan(new DateOnly(2021, 4, 20), new DateOnly(2021, 6, 2), TimePrecision.Month), Status = EventStatus.Extracted, Actor1 = Coalition, Actor2 = "Islamic State (Syria)", Location = new Location("elsewhere", null, "Idleb", null, null, null, null) }, dated.Version, new ChangeContext("t"));
        await Recount("a change of dates, status, actors and governorate");
        await store.Records.UpdateAsync(moved.Value with { Status = EventStatus.Published, Quantities = Quantities.Empty.With("fatalities", new Quantity(3, 3, null)) }, moved.Version, new ChangeContext("t"));
        await Recount("publishing with an open-ended quantity");
        var a = await store.Records.AddAsync(Event(new DateOnly(2021, 1, 3), new DateOnly(2021, 1, 3), Coalition, "Deir-ez-Zor", ("fatalities", Quantity.Exactly(4))), new ChangeContext("t"));
        var b = await store.Records.AddAsync(Event(new DateOnly(2021, 1, 4), new DateOnly(2021, 1, 4), Coalition, "Deir-ez-Zor", ("fatalities", new Quantity(1, 2, null))) with { Actor2 = "Islamic State (Syria)" }, new ChangeContext("t"));
        var c = await store.Records.AddAsync(Event(new DateOnly(2021, 2, 9), new DateOnly(2021, 2, 9), "Islamic State (Syria)", "Ar-Raqqa"), new ChangeContext("t"));

        // A grade alone, a merge, the merge undone with a new grade, and a quantity change with the same grade.
        var graded = await store.Records.UpdateAsync(a.Value with { Grade = Grade.Weak, GradeReason = "one source" }, a.Version, new ChangeContext("t"));
        var merged = await store.Records.UpdateAsync(b.Value with { MergedInto = a.Value.Id }, b.Version, new ChangeContext("t"));
        await store.Records.UpdateAsync(merged.Value with { MergedInto = null, Grade = Grade.Fair, GradeReason = "two sources" }, merged.Version, new ChangeContext("t"));
        await store.Records.UpdateAsync(graded.Value with { Quantities = Quantities.Empty.With("fatalities", Quantity.Exactly(6)) }, graded.Version, new ChangeContext("t"));
        await store.Records.UpdateAsync(c.Value with { GradeReason = "reason only" }, c.Version, new ChangeContext("t"));

        // The bulk path corroboration takes: a grade patched into the payload and column, and a merge.
        await using (var rewrite = await store.Records.BeginBulkRewriteAsync())
        {
            await foreach (var stored in rewrite.ReadAsync<ConflictEvent>(_ => true))
            {
                if (stored.Id == c.Value.Id)
                {
                    await rewrite.PatchAsync<ConflictEvent>(stored, [new FieldValue("grade", Grade.Contested), new FieldValue("grade_reason", "two claims")], new ChangeContext("t"));
                }
                else if (stored.Id == a.Value.Id)
                {
                    await rewrite.PatchAsync<ConflictEvent>(stored, [new FieldValue("merged_into", b.Value.Id)], new ChangeContext("t"));
                }
            }

            await rewrite.CommitAsync();
        }

        await Recount("grading, merging, undoing and a bulk rewrite");
        await using (var connection = Open(target))
        {
            Assert.Equal(["contested", "fair"], Rows(connection, "SELECT grade FROM event_facts WHERE grade IS NOT NULL ORDER BY grade"));
        }

        // An import's upsert: its inserts skip the per-row maintenance and are applied set-wise, before the update in
        // their midst (whose per-row path takes the old state away; on a PostgreSQL partitioned by month its new month moves the row to
        // another partition, which its triggers see as a delete and an insert) and at the end. Among them an undated event, a
        // rejected one, an open-ended toll, a toll with no best figure, an event whose actor2 is its actor1, one with
        // no governorate, and a span longer than any before.
        await using (var connection = Open(target))
        {
            using var clear = connection.CreateCommand();
            clear.CommandText = "DELETE FROM event_text_pending";
            clear.ExecuteNonQuery();
        }

        var imported = new[]
        {
            Event(new DateOnly(2021, 3, 1), new DateOnly(2021, 3, 1), Coalition, "Idleb", ("fatalities", new Quantity(2, 3, 5))),
            Event(new DateOnly(2021, 3, 2), new DateOnly(2021, 3, 2), "Islamic State (Syria)", "Idleb") with { Date = DateSpan.Unresolved },
            Event(new DateOnly(2021, 3, 3), new DateOnly(2021, 3, 3), Coalition, "Ar-Raqqa", ("fatalities", Quantity.Exactly(7))) with { Status = EventStatus.Rejected },
            Event(new DateOnly(2021, 3, 4), new DateOnly(2021, 3, 4), Coalition, "Ar-Raqqa", ("fatalities", new Quantity(4, null, null))) with { Actor2 = Coalition, Status = EventStatus.Extracted },
            Event(new DateOnly(2021, 3, 5), new DateOnly(2021, 3, 5), "Islamic State (Syria)", "Idleb", ("fatalities", new Quantity(1, null, 6))) with { Location = new Location("nowhere named", null, null, null, null, null, null) },
            Event(new DateOnly(2020, 1, 1), new DateOnly(2021, 12, 31), Coalition, "Deir-ez-Zor", ("fatalities", Quantity.Exactly(9))),
        };
        var current = (await store.Records.GetAsync<ConflictEvent>(b.Value.Id))!.Value;
        var counts = await store.Records.UpsertManyAsync(
            new[] { imported[0], imported[1], imported[2], current with { Status = EventStatus.Published, Date = DateSpan.OnDay(new DateOnly(2021, 8, 15)) }, imported[3], imported[4], imported[5] }.ToAsyncEnumerable(),
            (incoming, _) => incoming, null, new ChangeContext("t"));
        Assert.Equal((6, 1), (counts.Inserted, counts.Updated));
        await Recount("a bulk upsert of inserts around an update");
        await using (var connection = Open(target))
        {
            Assert.Equal(
                imported.Select(e => e.Id.ToString("D")).Order(StringComparer.Ordinal),
                Rows(connection, "SELECT event_id FROM event_text_pending").Where(id => id != b.Value.Id.ToString("D")).Order(StringComparer.Ordinal));
            Assert.Equal(["730"], Rows(connection, "SELECT max_days FROM event_span_limit"));
        }

        Assert.Equal(6, recounts.Count);
    }

    private static System.Data.Common.DbConnection Open(DatabaseTarget target)
    {
        System.Data.Common.DbConnection connection = target.Provider == DatabaseProvider.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={target.Value};Pooling=False")
            : new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(target.Value) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    // The same recount in PostgreSQL's SQL: marsad_facts is the one definition of the facts array on that engine.
    private const string PostgresRecountedFacts = """
        SELECT date_start, id, date_end, status, event_type, sub_event_type, actor1, actor2, admin1, admin2, grade, marsad_facts(payload)
        FROM events WHERE merged_into IS NULL AND status <> 'rejected' AND date_start <> '' ORDER BY date_start, id
        """;

    private const string PostgresRecountedTotals = """
        SELECT k.actor, g.admin1, CASE WHEN e.status <> 'extracted' THEN 1 ELSE 0 END, substr(e.date_start, 1, 7), COUNT(*),
               SUM(COALESCE((e.payload::jsonb #>> '{quantities,fatalities,low}')::bigint, 0)),
               SUM(COALESCE((e.payload::jsonb #>> '{quantities,fatalities,best}')::bigint, (e.payload::jsonb #>> '{quantities,fatalities,low}')::bigint, 0)),
               SUM(COALESCE((e.payload::jsonb #>> '{quantities,fatalities,high}')::bigint, 0)),
               SUM(CASE WHEN e.payload::jsonb #>> '{quantities,fatalities}' IS NOT NULL AND e.payload::jsonb #>> '{quantities,fatalities,high}' IS NULL THEN 1 ELSE 0 END)
        FROM events e
        JOIN (SELECT id, '' AS actor FROM events UNION ALL SELECT id, actor1 FROM events WHERE actor1 IS NOT NULL
              UNION ALL SELECT id, actor2 FROM events WHERE actor2 IS NOT NULL AND actor2 IS DISTINCT FROM actor1) k ON k.id = e.id
        JOIN (SELECT id, '' AS admin1 FROM events UNION ALL SELECT id, admin1 FROM events WHERE admin1 IS NOT NULL) g ON g.id = e.id
        WHERE e.merged_into IS NULL AND e.status <> 'rejected' AND e.date_start <> ''
        GROUP BY 1, 2, 3, 4
        ORDER BY 1, 2, 3, 4
        """;

    private const string RecountedFacts = """
        SELECT date_start, id, date_end, status, event_type, sub_event_type, actor1, actor2, admin1, admin2, grade,
               json_extract(payload, '$.quantities', '$.assoc_actor1', '$.assoc_actor2', '$.aggregate.incidents', '$.aggregate.dates')
        FROM events WHERE merged_into IS NULL AND status <> 'rejected' AND date_start <> '' ORDER BY date_start, id
        """;

    private const string RecountedTotals = """
        SELECT k.actor, g.admin1, e.status <> 'extracted', substr(e.date_start, 1, 7), COUNT(*),
               SUM(COALESCE(json_extract(e.payload, '$.quantities.fatalities.low'), 0)),
               SUM(COALESCE(json_extract(e.payload, '$.quantities.fatalities.best'), json_extract(e.payload, '$.quantities.fatalities.low'), 0)),
               SUM(COALESCE(json_extract(e.payload, '$.quantities.fatalities.high'), 0)),
               SUM(json_extract(e.payload, '$.quantities.fatalities') IS NOT NULL AND json_extract(e.payload, '$.quantities.fatalities.high') IS NULL)
        FROM events e
        JOIN (SELECT id, '' AS actor FROM events UNION ALL SELECT id, actor1 FROM events WHERE actor1 IS NOT NULL
              UNION ALL SELECT id, actor2 FROM events WHERE actor2 IS NOT NULL AND actor2 IS NOT actor1) k ON k.id = e.id
        JOIN (SELECT id, '' AS admin1 FROM events UNION ALL SELECT id, admin1 FROM events WHERE admin1 IS NOT NULL) g ON g.id = e.id
        WHERE e.merged_into IS NULL AND e.status <> 'rejected' AND e.date_start <> ''
        GROUP BY k.actor, g.admin1, e.status <> 'extracted', substr(e.date_start, 1, 7)
        ORDER BY k.actor, g.admin1, e.status <> 'extracted', substr(e.date_start, 1, 7)
        """;

    private static List<string> Rows(System.Data.Common.DbConnection connection, string sql) => TestDatabases.Rows(connection, sql);

    private static ConflictEvent Event(DateOnly start, DateOnly end, string actor1, string admin1, params (string Name, Quantity Value)[] quantities) => new()
    {
        Id = Guid.NewGuid(),
        SubEventType = AcledSubEventType.AirDroneStrike,
        Date = new DateSpan(start, end, start == end ? TimePrecision.Day : TimePrecision.Month),
        Actor1 = actor1,
        Location = new Location("somewhere", null, admin1, null, null, null, null),
        Quantities = new Quantities(quantities.Select(q => KeyValuePair.Create(q.Name, q.Value))),
        Status = EventStatus.Reviewed,
    };
}
