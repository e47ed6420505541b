using Marsad.Domain.Common;

namespace Marsad.Domain.Tests;

public sealed class DateSpanTests
{
    [Fact]
    public void End_before_start_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => new DateSpan(new DateOnly(2021, 1, 10), new DateOnly(2021, 1, 9), TimePrecision.Day));
        Assert.Contains("before start", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-1)]
    public void Precision_outside_acled_codes_is_refused(int code) =>
        Assert.Throws<DomainException>(() => new DateSpan(new DateOnly(2021, 1, 1), new DateOnly(2021, 1, 1), (TimePrecision)code));

    [Fact]
    public void A_single_day_counts_one_day_and_both_ends_are_inclusive()
    {
        var day = DateSpan.OnDay(new DateOnly(2021, 1, 15));
        Assert.Equal(1, day.Days);
        var month = new DateSpan(new DateOnly(2020, 12, 21), new DateOnly(2021, 1, 20), TimePrecision.Month);
        Assert.Equal(31, month.Days);
        Assert.True(month.Contains(new DateOnly(2021, 1, 20)));
        Assert.False(month.Contains(new DateOnly(2021, 1, 21)));
    }
}
