using System.Text.Json;
using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Exchange;
using Marsad.Core.Exchange.Csv;
using Marsad.Core.Exchange.Formats;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using static Marsad.Core.Tests.Exchange.ExchangeFiles;

namespace Marsad.Core.Tests.Exchange;

/// <summary>GeoJSON, HXL and the CSV formula guard.</summary>
public sealed class ExportFormatTests
{
    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("-x", "'-x")]
    [InlineData("@import", "'@import")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("\rReturn", "'\rReturn")]
    [InlineData("'=already quoted", "''=already quoted")]
    [InlineData("-3.5", "-3.5")]
    [InlineData("+12", "+12")]
    [InlineData("'plain quote", "'plain quote")]
    [InlineData("Hama", "Hama")]
    [InlineData("", "")]
    public void Formula_cells_get_one_quote_and_lose_exactly_that_quote_when_read(string value, string written)
    {
        Assert.Equal(written, CsvCellSafety.Escape(value));
        Assert.Equal(value, CsvCellSafety.Unescape(written));
    }

    [Theory]
    [InlineData(EventExportFormat.Csv)]
    [InlineData(EventExportFormat.Hxl)]
    [InlineData(EventExportFormat.Acled)]
    [InlineData(EventExportFormat.Ucdp)]
    public async Task Every_csv_format_guards_formula_cells(EventExportFormat format)
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        await store.Records.AddAsync(Event("=HYPERLINK(\"http://example.invalid\")", null), new("coder"));
        var text = await ExportAsync(store, format);
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EventExportFormat.Json)]
    [InlineData(EventExportFormat.Jsonl)]
    [InlineData(EventExportFormat.Csv)]
    [InlineData(EventExportFormat.Hxl)]
    [InlineData(EventExportFormat.GeoJson)]
    [InlineData(EventExportFormat.Acled)]
    [InlineData(EventExportFormat.Ucdp)]
    public async Task Exporting_the_stored_json_gives_what_exporting_the_model_gives(EventExportFormat format)
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        await ImportAsync(store, AcledFormat.Instance, Csv(AcledHeader, AcledRows));
        await ImportAsync(store, UcdpFormat.Instance, Csv(UcdpHeader, UcdpRows));
        await store.Records.AddAsync(Event("Quotes \"here\", Arabic حمص and a tab\t", null), new("coder"));
        var stored = await ExportAsync(store, format);
        var model = await ExportModelAsync(store, format);
        if (format is EventExportFormat.Json or EventExportFormat.Jsonl)
        {
            // JSON and JSON Lines copy the stored payload: the same documents, whatever the spelling of a character.
            var storedLines = stored.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var modelLines = model.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(format == EventExportFormat.Jsonl ? 6 : 1, storedLines.Length);
            Assert.Equal(modelLines.Length, storedLines.Length);
            foreach (var (a, b) in storedLines.Zip(modelLines))
            {
                using var left = JsonDocument.Parse(a);
                using var right = JsonDocument.Parse(b);
                Assert.True(JsonElement.DeepEquals(left.RootElement, right.RootElement), $"{a}\n!=\n{b}");
            }
        }
        else
        {
            Assert.Equal(model, stored);
        }
    }

    [Theory]
    [InlineData(EventExportFormat.Csv)]
    [InlineData(EventExportFormat.Hxl)]
    [InlineData(EventExportFormat.GeoJson)]
    [InlineData(EventExportFormat.Acled)]
    [InlineData(EventExportFormat.Ucdp)]
    public async Task Column_formats_read_from_storage_match_the_whole_model_and_a_utf8_stream_matches_text(EventExportFormat format)
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        await ImportAsync(store, AcledFormat.Instance, Csv(AcledHeader, AcledRows));
        // Every member the column formats leave unread (ExportedFields) is set, beside every one they write.
        await store.Records.AddAsync(Event("Syrian Democratic Forces", new GeoPoint(35.1, 36.7)) with
        {
            Tags = ["drone", "convoy"],
            AssocActor1 = ["Local guards"],
            Actor2 = "Civilians (Syria)",
            Evidence = new Evidence([new("event", new TextSpan(2, 30)), new("location", new TextSpan(8, 14))]),
            Aggregate = new Aggregate(2, [new Location("Second hill", null, "Hama", null, null, null, null)], [new DateOnly(2021, 5, 1), new DateOnly(2021, 5, 2)]),
            Confidence = 0.75,
            Grade = Grade.Fair,
            GradeReason = "one source of two kinds",
            GradeFixed = true,
        }, new("coder"));
        var model = await ExportModelAsync(store, format);
        Assert.Equal(model, await ExportAsync(store, format));

        using var bytes = new MemoryStream();
        await using (var writer = new StreamWriter(bytes, new System.Text.UTF8Encoding(false), 1024, leaveOpen: true))
        {
            await EventExporter.WriteAsync(writer, store.Events.StreamJsonAsync(new EventQuery(), Role.Editor), format);
        }

        Assert.Equal(model, System.Text.Encoding.UTF8.GetString(bytes.ToArray()));
    }

    [Fact]
    public async Task A_formula_in_an_acled_file_survives_export_and_reimport_unchanged()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        await ImportAsync(store, AcledFormat.Instance, Csv(AcledHeader, AcledRows));
        var exported = await ExportAsync(store, EventExportFormat.Acled);
        Assert.Contains(",'=SUM(1) people", exported, StringComparison.Ordinal);

        using var other = new TempFolder();
        var second = await TestStore.OpenAsync(other);
        await ImportAsync(second, AcledFormat.Instance, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(exported)));
        var id = ExchangeText.StableId("acled", "TST1003");
        Assert.Equal((await store.Records.GetAsync<ConflictEvent>(id))!.Value, (await second.Records.GetAsync<ConflictEvent>(id))!.Value);
        Assert.Equal("=SUM(1) people were arrested by police in a test sweep.", (await second.Records.GetAsync<ConflictEvent>(id))!.Value.Summary);
    }

    [Fact]
    public async Task GeoJson_keeps_events_without_a_point_and_writes_numbers_as_numbers()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        await store.Records.AddAsync(Event("Military Forces of Syria (2000-)", new GeoPoint(35.1, 36.7)), new("coder"));
        await store.Records.AddAsync(Event("Islamic State (Syria)", null), new("coder"));
        using var json = JsonDocument.Parse(await ExportAsync(store, EventExportFormat.GeoJson));
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(2, features.Count);
        var pointless = features.Single(f => f.GetProperty("properties").GetProperty("actor1").GetString() == "Islamic State (Syria)");
        Assert.Equal(JsonValueKind.Null, pointless.GetProperty("geometry").ValueKind);
        var located = features.Single(f => f.GetProperty("geometry").ValueKind == JsonValueKind.Object);
        Assert.Equal([36.7, 35.1], located.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        Assert.Equal(JsonValueKind.Number, located.GetProperty("properties").GetProperty("fatalities_low").ValueKind);
        Assert.Equal(3, located.GetProperty("properties").GetProperty("fatalities_low").GetInt32());
    }

    [Fact]
    public async Task Hxl_has_a_hashtag_row_under_the_header()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        await store.Records.AddAsync(Event("Islamic State (Syria)", new GeoPoint(35.1, 36.7)), new("coder"));
        var lines = (await ExportAsync(store, EventExportFormat.Hxl)).Split("\r\n");
        var header = lines[0].Split(',');
        var tags = lines[1].Split(',');
        Assert.Equal(header.Length, tags.Length);
        Assert.All(tags, t => Assert.StartsWith("#", t, StringComparison.Ordinal));
        Assert.Equal("#adm1+name", tags[Array.IndexOf(header, "admin1")]);
        Assert.Equal("#geo+lat", tags[Array.IndexOf(header, "latitude")]);
        Assert.Equal("#affected+killed", tags[Array.IndexOf(header, "fatalities_best")]);
        Assert.Equal("#date+start", tags[Array.IndexOf(header, "date_start")]);
    }

    [Fact]
    public async Task A_marsad_event_gets_acled_conventions_in_the_acled_export()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var e = Event("Military Forces of Syria (2000-)", new GeoPoint(35.1, 36.7)) with { Actor2 = "Civilians (Syria)", SubEventType = AcledSubEventType.Attack };
        await store.Records.AddAsync(e, new("coder"));
        var row = Rows(await ExportAsync(store, EventExportFormat.Acled, Role.Editor), "event_id_cnty").Values.Single();
        Assert.Matches("^MRS[0-9]{12}$", row["event_id_cnty"]);
        Assert.Equal(("1", "7", "17", "Civilian targeting", "Political violence"), (row["inter1"], row["inter2"], row["interaction"], row["civilian_targeting"], row["disorder_type"]));
        Assert.Equal(("3", "A test summary."), (row["fatalities"], row["notes"]));
    }

    private static ConflictEvent Event(string actor, GeoPoint? point) => new()
    {
        Id = Guid.NewGuid(),
        SubEventType = AcledSubEventType.ShellingArtilleryMissileAttack,
        Date = DateSpan.OnDay(new(2021, 5, 1)),
        Actor1 = actor,
        Location = new Location("Test hill", null, "Hama", null, null, point, point is null ? null : GeoPrecision.Place),
        Quantities = Quantities.Empty.With(Quantities.Names.Fatalities, new Quantity(point is null ? 0 : 3, null, null)),
        Summary = "A test summary.",
    };
}
