using Marsad.Core.Exchange.Formats;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Events;
using static Marsad.Core.Tests.Exchange.ExchangeFiles;

namespace Marsad.Core.Tests.Exchange;

/// <summary>Bad rows get a row-and-column error; the good rows around them are imported.</summary>
public sealed class MalformedFileTests
{
    [Fact]
    public async Task A_file_with_another_header_is_refused_whole()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var summary = await ImportAsync(store, AcledFormat.Instance, Csv(UcdpHeader, UcdpRows));
        var error = Assert.Single(summary.Errors);
        Assert.Equal(0, error.Row);
        Assert.Contains("event_id_cnty", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, summary.Inserted);
    }

    [Theory]
    [InlineData("short row", null, "fields, the header has 31")]
    [InlineData("bad date", "event_date", "is not a date")]
    [InlineData("latitude 200", "latitude", "is not a number from -90 to 90")]
    [InlineData("unknown event type", "sub_event_type", "is not one of ACLED's 25 sub-event types")]
    [InlineData("type and sub-type disagree", "event_type", "is not the event type of")]
    public async Task A_bad_row_is_named_with_its_column_and_the_others_are_imported(string problem, string? column, string message)
    {
        var bad = problem switch
        {
            "short row" => string.Join(',', AcledRows[2].Split(',').Take(20)),
            "bad date" => AcledRows[2].Replace("2021-03-06", "2021-13-45", StringComparison.Ordinal),
            "latitude 200" => AcledRows[2].Replace("33.5138", "200", StringComparison.Ordinal),
            "unknown event type" => AcledRows[2].Replace(",Arrests,", ",Parade,", StringComparison.Ordinal),
            _ => AcledRows[2].Replace(",Strategic developments,Arrests,", ",Battles,Arrests,", StringComparison.Ordinal),
        };
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var summary = await ImportAsync(store, AcledFormat.Instance, Csv(AcledHeader, [AcledRows[0], bad, AcledRows[1]]));

        var error = Assert.Single(summary.Errors);
        Assert.Equal((2L, 3L, column), (error.Row, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((3L, 2, 1), (summary.Rows, summary.Inserted, summary.Rejected));
        Assert.StartsWith($"row 2 (line 3){(column is null ? "" : ", column " + column)}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_byte_order_mark_crlf_line_ends_and_a_quoted_newline_are_read_as_csv()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var summary = await ImportAsync(store, AcledFormat.Instance, Csv(AcledHeader, AcledRows, newline: "\r\n", bom: true));
        Assert.Equal((3, 0), (summary.Inserted, summary.Errors.Count));
        var quoted = (await store.Records.GetAsync<ConflictEvent>(ExchangeText.StableId("acled", "TST1002")))!.Value;
        // The newline inside the quotes is the file's own (LF), whatever ends the lines.
        Assert.Equal("Gunmen shot at a farmer in a test orchard.\nCasualties: one.", quoted.Summary);
        Assert.NotNull((await store.Records.GetAsync<ConflictEvent>(ExchangeText.StableId("acled", "TST1001")))?.Value);
    }

    [Fact]
    public async Task A_quoted_newline_in_an_lf_file_keeps_its_line_count_for_later_rows()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var bad = AcledRows[2].Replace("33.5138", "200", StringComparison.Ordinal);
        var summary = await ImportAsync(store, AcledFormat.Instance, Csv(AcledHeader, [AcledRows[1], bad]));
        var error = Assert.Single(summary.Errors);
        // Row 1 spans lines 2 and 3 (its notes hold a newline), so row 2 starts on line 4.
        Assert.Equal((2L, 4L, "latitude"), (error.Row, error.Line, error.Column));
    }

    [Fact]
    public async Task A_row_id_given_twice_is_an_error_on_the_second()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var summary = await ImportAsync(store, AcledFormat.Instance, Csv(AcledHeader, [AcledRows[0], AcledRows[0]]));
        Assert.Equal(2L, Assert.Single(summary.Errors).Row);
        Assert.Equal(1, summary.Inserted);
    }

    [Fact]
    public async Task Ucdp_rows_with_bad_figures_or_dates_are_named()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var negative = UcdpRows[0].Replace(",2,2,2", ",-1,2,2", StringComparison.Ordinal).Replace("900001", "900003", StringComparison.Ordinal);
        var backwards = UcdpRows[1].Replace("2017-02-01,2017-02-28", "2017-02-28,2017-02-01", StringComparison.Ordinal);
        var summary = await ImportAsync(store, UcdpFormat.Instance, Csv(UcdpHeader, [UcdpRows[0], negative, backwards]));
        Assert.Equal(["low", "date_end"], summary.Errors.Select(e => e.Column));
        Assert.Equal(1, summary.Inserted);
    }
}
