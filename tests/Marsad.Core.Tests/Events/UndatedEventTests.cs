using System.Text.Json;
using Marsad.Core.Access;
using Marsad.Core.Analytics;
using Marsad.Core.Corroboration;
using Marsad.Core.Events;
using Marsad.Core.Exchange;
using Marsad.Core.Reports;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Core.Tests.Exchange;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Tests.Events;

/// <summary>An event whose date the text left unresolved ("on Friday" in a report with no date) is kept without a made-up day.</summary>
public sealed class UndatedEventTests
{
    private const string Regime = "Military Forces of Syria (2000-)";
    private static readonly ChangeContext Coder = new("coder");

    private static ConflictEvent Shelling(DateSpan date, string? words = null, int killed = 2) => new()
    {
        Id = Guid.NewGuid(),
        SubEventType = AcledSubEventType.ShellingArtilleryMissileAttack,
        Date = date,
        DateText = words,
        Actor1 = Regime,
        Location = new Location("Kafr Nabl", null, "Idleb", "Maarrat An Nu'man", null, new GeoPoint(35.61, 36.56), GeoPrecision.Place),
        Quantities = Quantities.Empty.With("fatalities", Quantity.Exactly(killed)),
        Status = EventStatus.Reviewed,
    };

    private static List<string> Column(TempFolder folder, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={folder.File("marsad.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.IsDBNull(0) ? "NULL" : reader.GetValue(0).ToString()!);
        }

        return rows;
    }

    [Fact]
    public void The_event_json_says_date_null_with_the_words_and_reads_back_undated()
    {
        var e = Shelling(DateSpan.Unresolved, "on Friday evening");

        var json = JsonSerializer.Serialize(e, MarsadJson.Options);
        using var parsed = JsonDocument.Parse(json);

        Assert.Equal(JsonValueKind.Null, parsed.RootElement.GetProperty("date").ValueKind);
        Assert.Equal("on Friday evening", parsed.RootElement.GetProperty("date_text").GetString());
        Assert.DoesNotContain("0001", json, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize<ConflictEvent>(json, MarsadJson.Options)!;
        Assert.True(back.Date.IsUnresolved);
        Assert.Equal("on Friday evening", back.DateText);
        // A dated event keeps its form.
        var dated = JsonSerializer.Serialize(Shelling(DateSpan.OnDay(new DateOnly(2022, 3, 4))), MarsadJson.Options);
        Assert.Contains("\"date\":{\"start\":\"2022-03-04\",\"end\":\"2022-03-04\",\"precision\":\"day\"}", dated, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_and_cards_say_undated_with_the_words()
    {
        Assert.Equal("undated: on Friday evening", EventDates.Text(Shelling(DateSpan.Unresolved, "on Friday evening")));
        Assert.Equal("undated", EventDates.Text(Shelling(DateSpan.Unresolved)));
        Assert.Equal("2022-03-04", EventDates.Text(Shelling(DateSpan.OnDay(new DateOnly(2022, 3, 4)))));
        Assert.Equal("undated: yesterday", Marsad.Core.Review.PlainValues.PlainText.Of(Shelling(DateSpan.Unresolved, "yesterday")).Single(r => r.Field == "date").Text);
        Assert.Equal("undated: yesterday", EventPhrases.Dates(Shelling(DateSpan.Unresolved, "yesterday")));
    }

    [Fact]
    public async Task The_store_keeps_no_day_for_it_lists_it_and_no_date_range_holds_it()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var undated = Shelling(DateSpan.Unresolved, "on Friday");
        var dated = Enumerable.Range(1, 3).Select(d => Shelling(DateSpan.OnDay(new DateOnly(2022, 3, d)))).ToList();
        foreach (var e in dated.Prepend(undated))
        {
            await store.Records.AddAsync(e, Coder);
        }

        Assert.Equal([""], Column(folder, $"SELECT date_start FROM events WHERE id = '{undated.Id:D}'"));
        Assert.Equal([""], Column(folder, $"SELECT date_end FROM events WHERE id = '{undated.Id:D}'"));
        Assert.Empty(Column(folder, "SELECT payload FROM events WHERE payload LIKE '%0001-01-01%'"));
        var stored = (await store.Records.GetAsync<ConflictEvent>(undated.Id))!.Value;
        Assert.True(stored.Date.IsUnresolved);
        Assert.Equal("on Friday", stored.DateText);

        // Paged one at a time, every event comes once (the undated one first: it has no day to sort by).
        var seen = new List<Guid>();
        EventCursor? after = null;
        for (var page = 0; page < 10; page++)
        {
            var items = await store.Events.ListAsync(new EventQuery { Limit = 1, After = after }, Role.Editor);
            if (items.Count == 0)
            {
                break;
            }

            seen.Add(items[0].Event.Id);
            after = EventCursor.Of(items[0].Event);
        }

        Assert.Equal([undated.Id, .. dated.Select(e => e.Id)], seen);
        Assert.DoesNotContain(undated.Id, (await store.Events.ListAsync(new EventQuery { To = new DateOnly(2022, 3, 2) }, Role.Editor)).Select(i => i.Event.Id));
        Assert.DoesNotContain(undated.Id, (await store.Events.ListAsync(new EventQuery { From = new DateOnly(2000, 1, 1) }, Role.Editor)).Select(i => i.Event.Id));
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task It_counts_in_no_month_and_the_report_says_how_many_are_undated()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        await store.Records.AddAsync(Shelling(DateSpan.Unresolved, "on Friday", killed: 9), Coder);
        await store.Records.AddAsync(Shelling(DateSpan.OnDay(new DateOnly(2021, 1, 5)), killed: 2), Coder);

        var month = await store.Analytics.MonthAsync(new ReportMonth(2021, 1), new AnalyticsFilter());
        Assert.Equal(1, month.Current.Total.Events);
        Assert.Equal(2, month.Current.Total.Quantity("fatalities").Low);
        Assert.Equal(["2021-01"], Column(folder, "SELECT DISTINCT month FROM event_month_totals"));
        Assert.Equal(["2021-01-05"], Column(folder, "SELECT date_start FROM event_facts"));
        Assert.Equal(1, await store.Analytics.UndatedCountAsync(new AnalyticsFilter()));
        Assert.Equal(0, await store.Analytics.UndatedCountAsync(new AnalyticsFilter { Admin1 = "Aleppo" }));

        var report = await new BuildMonthlyReport(store, FixedClock.At(2021, 2, 3)).RunAsync(new ReportRequest(new ReportMonth(2021, 1)) { Role = Role.Editor });
        Assert.Contains(report.Notes, n => n.StartsWith("1 event is undated", StringComparison.Ordinal));
        Assert.Single(report.Events);
    }

    [Fact]
    public async Task Dating_it_later_moves_it_into_its_month()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var e = Shelling(DateSpan.Unresolved, "on Friday");
        await store.Records.AddAsync(e, Coder);
        var stored = (await store.Records.GetAsync<ConflictEvent>(e.Id))!;

        await store.Records.UpdateAsync(stored.Value with { Date = DateSpan.OnDay(new DateOnly(2021, 1, 8)), DateText = null }, stored.Version, Coder);

        Assert.Equal(1, (await store.Analytics.MonthAsync(new ReportMonth(2021, 1), new AnalyticsFilter())).Current.Total.Events);
        Assert.Equal(0, await store.Analytics.UndatedCountAsync(new AnalyticsFilter()));
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task Exports_leave_its_date_blank()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var e = Shelling(DateSpan.Unresolved, "on Friday");
        await store.Records.AddAsync(e, Coder);

        var csv = ExchangeFiles.Rows(await ExchangeFiles.ExportAsync(store, EventExportFormat.Csv), "id")[e.Id.ToString("D")];
        Assert.Equal("", csv["date_start"]);
        Assert.Equal("", csv["date_end"]);
        Assert.Equal("", csv["time_precision"]);
        var acled = ExchangeFiles.Rows(await ExchangeFiles.ExportAsync(store, EventExportFormat.Acled), "event_date").Single();
        Assert.Equal("", acled.Key);
        Assert.Equal("", acled.Value["year"]);
        var ucdp = ExchangeFiles.Rows(await ExchangeFiles.ExportAsync(store, EventExportFormat.Ucdp), "date_start").Single();
        Assert.Equal("", ucdp.Key);
        Assert.DoesNotContain("0001", await ExchangeFiles.ExportAsync(store, EventExportFormat.Jsonl), StringComparison.Ordinal);
    }

    [Fact]
    public void The_corroborator_never_links_undated_events_on_dates()
    {
        EventSignature Sig(DateSpan date, string source) => new(Guid.NewGuid(), [source], AcledSubEventType.ShellingArtilleryMissileAttack.Label,
            date.Start, date.End, 35.61, 36.56, "Maarrat An Nu'man", Regime, null, 2);
        var a = Sig(DateSpan.Unresolved, "Outlet A");
        var b = Sig(DateSpan.Unresolved, "Outlet B");
        var c = Sig(DateSpan.OnDay(new DateOnly(2022, 3, 4)), "Outlet C");
        var d = Sig(DateSpan.OnDay(new DateOnly(2022, 3, 4)), "Outlet D");
        var scorer = new PairScorer(new CorroborationOptions());

        var undatedPair = scorer.Explain(a, b);
        Assert.False(undatedPair.IsMatch);
        Assert.Contains(undatedPair.Reasons, r => r.StartsWith("undated", StringComparison.Ordinal));
        Assert.False(scorer.Explain(a, c).IsMatch);
        Assert.True(scorer.Explain(c, d).IsMatch);
        var result = new Corroborator(new CorroborationOptions()).Run([a, b, c, d]);
        var group = Assert.Single(result.Groups);
        Assert.Equal(new[] { c.Id, d.Id }.Order(), group.Order());
    }
}
