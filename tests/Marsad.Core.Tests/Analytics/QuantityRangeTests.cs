using Marsad.Core.Analytics;
using Marsad.Domain.Common;

namespace Marsad.Core.Tests.Analytics;

public sealed class QuantityRangeTests
{
    [Fact]
    public void Sums_keep_lows_bests_and_highs_and_an_unstated_ceiling_opens_the_total()
    {
        var exact = QuantityRange.Of(Quantity.Exactly(240)).Plus(QuantityRange.Of(Quantity.Exactly(10)));
        var ranged = QuantityRange.Of(new Quantity(2, 3, 5)).Plus(QuantityRange.Of(Quantity.Exactly(1)));
        var open = exact.Plus(QuantityRange.Of(new Quantity(100, 100, null, "hundreds")));
        var ceiling = QuantityRange.Of(Quantity.AtMost(10));

        Assert.Equal("250", exact.ToString());
        Assert.Equal(new QuantityRange(3, 4, 6), ranged);
        Assert.Equal("4 (3–6)", ranged.ToString());
        Assert.Null(open.High);
        Assert.Equal("at least 350", open.ToString());
        Assert.Equal("at most 10", ceiling.ToString());
        Assert.Equal(new QuantityRange(3, 3, 13), ceiling.Plus(QuantityRange.Of(Quantity.Exactly(3))));
    }

    [Fact]
    public void The_nth_month_of_operations_and_whole_months_since_an_allegation_are_counted_from_dates()
    {
        var coalition = OperationCalendar.Default.StartOf("Global Coalition Against Daesh")!.Value;

        Assert.Equal(new DateOnly(2014, 9, 23), coalition);
        Assert.Equal(76, OperationCalendar.OrdinalOf(new ReportMonth(2021, 1), coalition));
        Assert.Equal(1, OperationCalendar.OrdinalOf(new ReportMonth(2014, 10), coalition));
        Assert.Null(OperationCalendar.OrdinalOf(new ReportMonth(2014, 9), coalition));
        Assert.Equal(22, OperationCalendar.WholeMonthsBetween(new DateOnly(2019, 3, 21), new DateOnly(2021, 1, 23)));
        Assert.Equal(21, OperationCalendar.WholeMonthsBetween(new DateOnly(2019, 3, 21), new DateOnly(2021, 1, 20)));
        Assert.Equal(0, OperationCalendar.WholeMonthsBetween(new DateOnly(2021, 3, 21), new DateOnly(2021, 1, 20)));
    }
}
