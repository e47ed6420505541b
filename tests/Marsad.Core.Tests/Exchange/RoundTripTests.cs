using System.Text;
using Marsad.Core.Exchange;
using Marsad.Core.Exchange.Csv;
using Marsad.Core.Exchange.Formats;
using Marsad.Core.Exchange.Import;
using Marsad.Core.Intake;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using static Marsad.Core.Tests.Exchange.ExchangeFiles;

namespace Marsad.Core.Tests.Exchange;

/// <summary>ACLED, UCDP and JSON Lines in and out: every field comes back.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public async Task Acled_rows_come_back_field_by_field()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var summary = await ImportAsync(store, AcledFormat.Instance, Csv(AcledHeader, AcledRows));
        Assert.Equal((3L, 3, 0), (summary.Rows, summary.Inserted, summary.Errors.Count));

        var exported = await ExportAsync(store, EventExportFormat.Acled);
        Assert.StartsWith(AcledHeader + "\r\n", exported, StringComparison.Ordinal);
        var expected = Rows(Encoding.UTF8.GetString(((MemoryStream)Csv(AcledHeader, AcledRows)).ToArray()), "event_id_cnty");
        var actual = Rows(exported, "event_id_cnty");
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (id, row) in expected)
        {
            foreach (var (column, value) in row)
            {
                // A cell a spreadsheet would run as a formula is written with a leading quote, which reading takes off.
                Assert.True(value == CsvCellSafety.Unescape(actual[id][column]), $"{id} {column}: '{value}' came back as '{actual[id][column]}'");
            }
        }

        Assert.Equal("'=SUM(1) people were arrested by police in a test sweep.", actual["TST1003"]["notes"]);
    }

    [Fact]
    public async Task Acled_rows_map_to_the_model()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        await ImportAsync(store, AcledFormat.Instance, Csv(AcledHeader, AcledRows), status: EventStatus.Published);
        var stored = (await store.Records.GetAsync<ConflictEvent>(ExchangeText.StableId("acled", "TST1002")))!.Value;
        Assert.Equal(AcledSubEventType.Attack, stored.SubEventType);
        Assert.Equal(new DateSpan(new(2021, 3, 5), new(2021, 3, 5), TimePrecision.Week), stored.Date);
        Assert.Equal(["Farmers (Syria)", "Women (Syria)"], stored.AssocActor1.IsEmpty ? stored.AssocActor2 : stored.AssocActor1);
        Assert.Equal(new GeoPoint(35.8, 36.61), stored.Location!.Point);
        Assert.Equal(GeoPrecision.NearPlace, stored.Location.Precision);
        Assert.Equal(Quantity.Exactly(1), stored.Quantities[Quantities.Names.Fatalities]);
        Assert.Equal(EventStatus.Published, stored.Status);
        Assert.Equal(("acled", "TST1002", "1615100000"), (stored.Origin!.Dataset, stored.Origin.Id, stored.Origin.Version));
        Assert.Equal("Political militia", stored.Origin.Fields["inter1"]);
    }

    [Fact]
    public async Task An_edit_wins_over_the_source_text_in_the_export()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        await ImportAsync(store, AcledFormat.Instance, Csv(AcledHeader, AcledRows));
        var id = ExchangeText.StableId("acled", "TST1001");
        var stored = (await store.Records.GetAsync<ConflictEvent>(id))!;
        var moved = stored.Value with { Date = DateSpan.OnDay(new(2021, 3, 3)), Quantities = Quantities.Empty.With(Quantities.Names.Fatalities, Quantity.Exactly(4)) };
        await store.Records.UpdateAsync(moved, stored.Version, new("editor"));

        var row = Rows(await ExportAsync(store, EventExportFormat.Acled), "event_id_cnty")["TST1001"];
        Assert.Equal(("2021-03-03", "4", "Field Network; Local Monitor"), (row["event_date"], row["fatalities"], row["source"]));
    }

    [Fact]
    public async Task Ucdp_rows_come_back_and_an_out_of_order_range_is_stored_in_order_with_a_check()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var summary = await ImportAsync(store, UcdpFormat.Instance, Csv(UcdpHeader, UcdpRows));
        Assert.Equal((2, 0), (summary.Inserted, summary.Errors.Count));

        var stored = (await store.Records.GetAsync<ConflictEvent>(ExchangeText.StableId("ucdp", "900002")))!.Value;
        Assert.Equal(new Quantity(3, 4, 5), stored.Quantities[Quantities.Names.Fatalities]);
        Assert.Contains("low 5, best 3, high 4", Assert.Single(stored.Origin!.Checks), StringComparison.Ordinal);
        Assert.Equal((GeoPrecision.Region, TimePrecision.Month), (stored.Location!.Precision!.Value, stored.Date.Precision));

        var expected = Rows(Encoding.UTF8.GetString(((MemoryStream)Csv(UcdpHeader, UcdpRows)).ToArray()), "id");
        var actual = Rows(await ExportAsync(store, EventExportFormat.Ucdp), "id");
        foreach (var (id, row) in expected)
        {
            foreach (var (column, value) in row)
            {
                Assert.True(value == actual[id][column], $"{id} {column}: '{value}' came back as '{actual[id][column]}'");
            }
        }
    }

    [Fact]
    public async Task Jsonl_carries_every_event_losslessly_and_reports_conflicts_without_overwriting()
    {
        using var folder = new TempFolder();
        var first = await TestStore.OpenAsync(folder);
        await ImportAsync(first, AcledFormat.Instance, Csv(AcledHeader, AcledRows));
        await ImportAsync(first, UcdpFormat.Instance, Csv(UcdpHeader, UcdpRows));
        var evidenced = new ConflictEvent
        {
            Id = Guid.NewGuid(), SubEventType = AcledSubEventType.AirDroneStrike, Date = DateSpan.OnDay(new(2021, 4, 1)),
            Evidence = new Evidence([new("event", new TextSpan(3, 40)), new("location", new TextSpan(10, 18))]), Tags = ["drone"],
            Location = new Location("Test hill", null, "Hama", null, null, null, null), Confidence = 0.5,
        };
        await first.Records.AddAsync(evidenced, new("coder"));
        var jsonl = await ExportAsync(first, EventExportFormat.Jsonl);
        Assert.Equal(6, jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        using var other = new TempFolder();
        var second = await TestStore.OpenAsync(other);
        var summary = await new ImportJsonl(second).RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), "tester");
        Assert.Equal((6, 0, 0), (summary.Inserted, summary.Conflicts.Count, summary.Errors.Count));
        foreach (var original in await first.Records.ListAsync<ConflictEvent>())
        {
            Assert.Equal(original.Value, (await second.Records.GetAsync<ConflictEvent>(original.Value.Id))!.Value);
        }

        Assert.Equal(jsonl, await ExportAsync(second, EventExportFormat.Jsonl));

        var local = (await second.Records.GetAsync<ConflictEvent>(evidenced.Id))!;
        await second.Records.UpdateAsync(local.Value with { Summary = "edited here" }, local.Version, new("editor"));
        var again = await new ImportJsonl(second).RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), "tester");
        Assert.Equal((0, 5), (again.Inserted, again.Unchanged));
        Assert.Equal(evidenced.Id, Assert.Single(again.Conflicts));
        Assert.Equal("edited here", (await second.Records.GetAsync<ConflictEvent>(evidenced.Id))!.Value.Summary);
    }

    [Fact]
    public async Task Jsonl_into_a_new_database_keeps_events_whose_documents_are_not_there_and_warns_per_line()
    {
        using var folder = new TempFolder();
        var first = await TestStore.OpenAsync(folder);
        var ingest = await new IngestDocuments(first, TimeProvider.System).RunAsync(
            new IngestRequest([folder.Write("a.txt", "A fictional report of shelling near a test village.")], null, "Outlet A"), new ChangeContext("coder"));
        var document = ingest.Outcomes[0].DocumentId!.Value;
        var linked = Marsad.Core.Tests.Storage.RecordStoreTests.Strike() with { Id = Guid.NewGuid(), DocumentIds = [document] };
        var unlinked = Marsad.Core.Tests.Storage.RecordStoreTests.Strike() with { Id = Guid.NewGuid(), Summary = "no document" };
        await first.Records.AddAsync(linked, new("coder"));
        await first.Records.AddAsync(unlinked, new("coder"));
        await ImportAsync(first, UcdpFormat.Instance, Csv(UcdpHeader, UcdpRows));
        var jsonl = await ExportAsync(first, EventExportFormat.Jsonl);

        using var other = new TempFolder();
        var second = await TestStore.OpenAsync(other);
        var summary = await new ImportJsonl(second).RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), "tester");
        Assert.Equal((4, 0, 0), (summary.Inserted, summary.Conflicts.Count, summary.Errors.Count));
        var warning = Assert.Single(summary.Warnings);
        Assert.Contains(document.ToString("D"), warning.Message, StringComparison.Ordinal);
        Assert.Contains(linked.Id.ToString("D"), warning.Message, StringComparison.Ordinal);
        Assert.Equal("documentIds", warning.Column);

        // Lossless apart from the link to the document that stayed behind.
        foreach (var original in await first.Records.ListAsync<ConflictEvent>())
        {
            var expected = original.Value.Id == linked.Id ? original.Value with { DocumentIds = [] } : original.Value;
            Assert.Equal(expected, (await second.Records.GetAsync<ConflictEvent>(original.Value.Id))!.Value);
        }

        Assert.Empty(await second.Records.OfDocumentAsync(document));
        var verified = await second.Audit.VerifyAsync();
        Assert.True(verified.Ok, verified.FirstFailure?.ToString());

        // Imported again: the same events, nothing in conflict (the stored copy has no link either), the same warning.
        var again = await new ImportJsonl(second).RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), "tester");
        Assert.Equal((0, 4, 0, 1), (again.Inserted, again.Unchanged, again.Conflicts.Count, again.Warnings.Count));

        // Into the database that holds the document, the link is kept.
        var back = await new ImportJsonl(first).RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), "tester");
        Assert.Equal((0, 4, 0, 0), (back.Inserted, back.Unchanged, back.Conflicts.Count, back.Warnings.Count));
        Assert.Equal([("event", linked.Id)], await first.Records.OfDocumentAsync(document));
    }

    [Fact]
    public async Task Reimport_updates_changed_rows_once_and_sync_withdraws_rows_the_export_lost()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        await ImportAsync(store, AcledFormat.Instance, Csv(AcledHeader, AcledRows));

        var unchanged = await ImportAsync(store, AcledFormat.Instance, Csv(AcledHeader, AcledRows));
        Assert.Equal((0, 0, 3), (unchanged.Inserted, unchanged.Updated, unchanged.Unchanged));

        var newer = AcledRows[0].Replace(",2,,1615000000", ",3,,1616000000", StringComparison.Ordinal);
        var older = AcledRows[1].Replace("1615100000", "1600000000", StringComparison.Ordinal).Replace("\",1,crowd", "\",9,crowd", StringComparison.Ordinal);
        var updated = await ImportAsync(store, AcledFormat.Instance, Csv(AcledHeader, [newer, older]), sync: true);
        Assert.Equal((0, 1, 1, 0), (updated.Inserted, updated.Updated, updated.Unchanged, updated.Withdrawn));
        Assert.Equal(3, (await store.Records.ListAsync<ConflictEvent>()).Count);
        var first = (await store.Records.GetAsync<ConflictEvent>(ExchangeText.StableId("acled", "TST1001")))!.Value;
        Assert.Equal(3, first.Quantities[Quantities.Names.Fatalities].Low);
        Assert.Equal(1, (await store.Records.GetAsync<ConflictEvent>(ExchangeText.StableId("acled", "TST1002")))!.Value.Quantities[Quantities.Names.Fatalities].Low);
        // TST1003 (6 March) lies outside the file's dates (4-5 March): a sync leaves it alone.
        Assert.Equal(EventStatus.Extracted, (await store.Records.GetAsync<ConflictEvent>(ExchangeText.StableId("acled", "TST1003")))!.Value.Status);
    }

    [Fact]
    public async Task Sync_withdraws_a_row_missing_inside_the_coverage_and_plain_imports_never_do()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        await ImportAsync(store, AcledFormat.Instance, Csv(AcledHeader, AcledRows));
        var plain = await ImportAsync(store, AcledFormat.Instance, Csv(AcledHeader, [AcledRows[0], AcledRows[2]]));
        Assert.Equal(0, plain.Withdrawn);

        var synced = await ImportAsync(store, AcledFormat.Instance, Csv(AcledHeader, [AcledRows[0], AcledRows[2]]), sync: true);
        Assert.Equal(1, synced.Withdrawn);
        Assert.Equal(EventStatus.Rejected, (await store.Records.GetAsync<ConflictEvent>(ExchangeText.StableId("acled", "TST1002")))!.Value.Status);

        var back = await ImportAsync(store, AcledFormat.Instance, Csv(AcledHeader, AcledRows));
        Assert.Equal(1, back.Updated);
        Assert.Equal(EventStatus.Extracted, (await store.Records.GetAsync<ConflictEvent>(ExchangeText.StableId("acled", "TST1002")))!.Value.Status);
    }
}
