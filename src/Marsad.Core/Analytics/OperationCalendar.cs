namespace Marsad.Core.Analytics;

/// <summary>
/// When an actor's operations began, for "the Nth consecutive month of operations". Month N runs from
/// the start date plus N−1 months to the start date plus N months (the Coalition's first strikes on
/// 2014-09-23: its 76th month runs from 2020-12-23 to 2021-01-22), and a calendar month is numbered by
/// the operation month that ends in it — so January 2021 is the 76th, as monthly reports count it.
/// </summary>
public sealed class OperationCalendar(IReadOnlyDictionary<string, DateOnly> starts)
{
    /// <summary>The start dates Marsad knows out of the box (canonical actor names), as the engine dates reports by them.</summary>
    public static OperationCalendar Default { get; } = new(Marsad.Extraction.Recognition.Dates.OperationStarts.Default);

    public DateOnly? StartOf(string? actor) => actor is not null && starts.TryGetValue(actor, out var start) ? start : null;

    /// <summary>The ordinal of <paramref name="month"/> among the operation months since <paramref name="start"/>, or null before the first ends.</summary>
    public static int? OrdinalOf(ReportMonth month, DateOnly start)
    {
        var n = month.MonthsAfter(ReportMonth.Of(start));
        return n >= 1 ? n : null;
    }

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/> (2019-03-21 to 2021-01-23: 22).</summary>
    public static int WholeMonthsBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return 0;
        }

        var months = (to.Year - from.Year) * 12 + (to.Month - from.Month);
        return to.Day < from.Day ? months - 1 : months;
    }
}
