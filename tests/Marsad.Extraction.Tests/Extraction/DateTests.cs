using Marsad.Domain.Common;

namespace Marsad.Extraction.Tests.Extraction;

public class DateTests
{
    [Theory]
    [InlineData("On 3 March 2020, regime forces clashed with rebels in Saraqib.", "2020-03-03", 1)]
    [InlineData("On March 21, 2019, warplanes bombed a camp near Hajin.", "2019-03-21", 1)]
    [InlineData("On January 15, rebels attacked a checkpoint in Idlib city.", "2021-01-15", 1)]
    [InlineData("On December 28, rebels attacked a checkpoint in Idlib city.", "2020-12-28", 1)]
    [InlineData("Yesterday, rebels attacked a checkpoint in Idlib city.", "2021-01-22", 1)]
    [InlineData("On Friday, rebels attacked a checkpoint in Idlib city.", "2021-01-22", 1)]
    [InlineData("On the seventh of this month, rebels attacked a checkpoint in Idlib city.", "2021-01-07", 1)]
    [InlineData("Around 9 January 2021 (week of), rebels attacked a checkpoint in Idlib city.", "2021-01-09", 2)]
    public void Reads_absolute_and_relative_dates(string text, string start, int precision)
    {
        var e = Assert.Single(Extract.Run(text).Events);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), e.Date.Start);
        Assert.Equal((TimePrecision)precision, e.Date.Precision);
    }

    [Fact]
    public void Last_four_weeks_is_a_period_before_publication()
    {
        var r = Extract.Run("Intro paragraph without incidents.\n\nOver the last four weeks, rebels attacked 3 checkpoints in Idlib city, killing 4 soldiers.\n\nAnother paragraph.");
        var e = Assert.Single(r.Events);
        Assert.Equal(new DateOnly(2020, 12, 26), e.Date.Start);
        Assert.Equal(new DateOnly(2021, 1, 22), e.Date.End);
        Assert.Equal(TimePrecision.Month, e.Date.Precision);
    }
}
