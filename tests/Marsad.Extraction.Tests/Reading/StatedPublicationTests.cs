using Marsad.Extraction.Recognition.Dates;

namespace Marsad.Extraction.Tests.Reading;

/// <summary>The publication date a report states in its own text; every line written for these tests.</summary>
public class StatedPublicationTests
{
    [Theory]
    [InlineData("Shelling on the western front\nLast Update: 2023-07-23\n\nArtillery hit two villages overnight.", 2023, 7, 23)]
    [InlineData("Shelling on the western front\n2020-01-02 09:07\n\nArtillery hit two villages overnight.", 2020, 1, 2)]
    [InlineData("Shelling on the western front\nPublished on March 4, 2021\n\nArtillery hit two villages overnight.", 2021, 3, 4)]
    [InlineData("Shelling on the western front\n\nArtillery hit two villages overnight.\n\nPosted: 12 May 2019 14:30 GMT+3", 2019, 5, 12)]
    public void A_printed_date_line_at_the_top_or_foot_is_the_publication_date(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), StatedPublication.Find(text));

    [Fact]
    public void A_full_date_the_writer_calls_today_is_the_publication_date() =>
        Assert.Equal(new DateOnly(2022, 9, 23), StatedPublication.Find("Eight years of strikes\n\nThe tally runs until today, September 23, 2022, and counts every raid."));

    [Fact]
    public void The_nth_month_of_an_operation_with_a_known_start_dates_the_report()
    {
        // The Coalition's operations began on 2014-09-23: its 90th month completes on 2022-03-23.
        var text = "90 months of International Coalition operations in Syria | Convoys and raids\n\nIn its 90th consecutive month of operations, the Coalition sent more trucks into the north-east.";
        Assert.Equal(new DateOnly(2022, 3, 23), StatedPublication.Find(text));
    }

    [Theory]
    [InlineData("Shelling on the western front\n\nOn March 4, 2021, artillery hit two villages and wounded a farmer.")]
    [InlineData("A year of raids\n\nIn the 14th month of operations by the local brigade, raids went on.")]
    [InlineData("Shelling on the western front\n\nArtillery hit two villages on Tuesday.")]
    [InlineData("Shelling\n2021-02-30 10:00\n\nA date that does not exist is no date.")]
    public void No_date_is_guessed_from_a_date_inside_a_sentence_an_unknown_operation_or_nothing(string text) =>
        Assert.Null(StatedPublication.Find(text));
}
