using Marsad.Core.Ids;
using Marsad.Core.Names;
using Marsad.Core.Review.PlainValues;
using Marsad.Domain.Common;

namespace Marsad.Core.Tests.Review;

public sealed class PlainValuesTests
{
    [Theory]
    [InlineData("2023-07-21", "2023-07-21", "2023-07-21", TimePrecision.Day)]
    [InlineData("21 July 2023", "2023-07-21", "2023-07-21", TimePrecision.Day)]
    [InlineData("July 21, 2023", "2023-07-21", "2023-07-21", TimePrecision.Day)]
    [InlineData("July 2023", "2023-07-01", "2023-07-31", TimePrecision.Month)]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", TimePrecision.Month)]
    [InlineData("21–23 July 2023", "2023-07-21", "2023-07-23", TimePrecision.Week)]
    [InlineData("3-19 Sept 2023", "2023-09-03", "2023-09-19", TimePrecision.Month)]
    [InlineData("2023-07-21 to 2023-07-27", "2023-07-21", "2023-07-27", TimePrecision.Week)]
    public void Dates_are_read_as_people_write_them_with_the_precision_inferred(string typed, string start, string end, TimePrecision precision)
    {
        var span = PlainDate.Parse(typed);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), span.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), span.End);
        Assert.Equal(precision, span.Precision);
        Assert.Equal(span, PlainDate.Parse(PlainText.Date(span)));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2023-02-30")]
    [InlineData("23–21 July 2023")]
    [InlineData("Julember 2023")]
    public void A_date_that_cannot_be_read_says_which_forms_work(string typed) =>
        Assert.Throws<PlainValueException>(() => PlainDate.Parse(typed));

    [Theory]
    [InlineData("3", 3, 3, 3)]
    [InlineData("3-5", 3, null, 5)]
    [InlineData("at least 3", 3, 3, null)]
    [InlineData("more than 3", 4, 4, null)]
    [InlineData("up to 10", null, null, 10)]
    [InlineData("fewer than 10", null, null, 9)]
    public void Counts_are_read_as_people_write_them(string typed, int? low, int? best, int? high)
    {
        var q = PlainQuantity.Parse(typed);
        Assert.Equal((low, best, high), (q.Low, q.Best, q.High));
        Assert.Equal(typed, q.Text);
        var again = PlainQuantity.Parse(PlainText.Count(q));
        Assert.Equal((q.Low, q.High), (again.Low, again.High));
    }

    [Fact]
    public void A_count_that_cannot_be_read_is_refused() => Assert.Throws<PlainValueException>(() => PlainQuantity.Parse("5-3"));

    [Theory]
    [InlineData("ISIS", "Islamic State (Syria)")]
    [InlineData("sdf", "QSD: Syrian Democratic Forces")]
    [InlineData("Turkey", "Military Forces of Turkey (2016-)")]
    [InlineData("islamic state (syria)", "Islamic State (Syria)")]
    public void Actors_resolve_through_the_lexicon_in_any_case(string typed, string canonical) =>
        Assert.Equal(canonical, ActorNames.Default.Canonical(typed));

    [Fact]
    public void An_unknown_actor_gets_the_nearest_known_name() =>
        Assert.Equal("Military Forces of Turkey (2016-)", ActorNames.Default.Nearest("Turky"));

    [Fact]
    public void A_short_id_is_the_shortest_prefix_its_neighbours_do_not_share_and_never_under_eight_digits()
    {
        var id = Guid.Parse("019af1d2-7c40-7aaa-8bbb-000000000001");
        Assert.Equal("019af1d2", ShortId.Of(id, "0100aaaa-0000-0000-0000-000000000000", null));
        // UUIDv7 ids of one batch share their time prefix: the short id reaches past the dash into the digits that differ.
        Assert.Equal(id.ToString("D"), ShortId.Of(id, "019af1d2-7c40-7aaa-8bbb-000000000000", "019af1d2-7c40-7aaa-8bbb-000000000002"));
        Assert.Equal("019af1d2-7c4", ShortId.Of(id, "019af1d2-7c3f-0000-0000-000000000000", null));
        Assert.Equal("019af1d2-7c40", ShortId.Normalise("#019AF1D27C40"));
    }
}
