using System.Globalization;

namespace Marsad.Core.Analytics;

/// <summary>A calendar month, as <c>--month YYYY-MM</c> names it.</summary>
public readonly record struct ReportMonth(int Year, int Month)
{
    public DateOnly First => new(Year, Month, 1);

    public DateOnly Last => First.AddMonths(1).AddDays(-1);

    public ReportMonth Previous => Of(First.AddMonths(-1));

    public static ReportMonth Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>
    /// The month holding most of <paramref name="days"/> when given, else the most days of [start, end]; the
    /// earlier month on a tie.
    /// </summary>
    public static ReportMonth Holding(IReadOnlyList<DateOnly>? days, DateOnly start, DateOnly end)
    {
        if (days is { Count: > 0 })
        {
            return days.GroupBy(Of).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.First).First().Key;
        }

        var best = Of(start);
        if (best == Of(end))
        {
            // Most events lie within one month; a month's read asks this of every one.
            return best;
        }

        var bestDays = 0;
        for (var month = Of(start); month.First <= end; month = Of(month.First.AddMonths(1)))
        {
            var from = month.First > start ? month.First : start;
            var to = month.Last < end ? month.Last : end;
            var count = to.DayNumber - from.DayNumber + 1;
            if (count > bestDays)
            {
                (best, bestDays) = (month, count);
            }
        }

        return best;
    }

    public static bool TryParse(string? text, out ReportMonth month)
    {
        month = default;
        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            month = Of(day);
            return true;
        }

        return false;
    }

    /// <summary>Months from <paramref name="earlier"/> to this one: January 2021 is 76 months after September 2014.</summary>
    public int MonthsAfter(ReportMonth earlier) => (Year - earlier.Year) * 12 + (Month - earlier.Month);

    public override string ToString() => First.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string Title => First.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}
