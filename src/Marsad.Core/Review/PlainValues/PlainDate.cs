using System.Globalization;
using System.Text.RegularExpressions;
using Marsad.Domain.Common;

namespace Marsad.Core.Review.PlainValues;

/// <summary>
/// Dates as a coder types them: <c>2023-07-21</c>, <c>21 July 2023</c>, <c>July 21, 2023</c>, <c>July 2023</c>,
/// <c>2023-07</c>, <c>21–23 July 2023</c>, <c>2023-07-21 to 2023-07-25</c>. The precision follows from the span
/// (ACLED's: one day 1, up to a week 2, longer 3), so nobody types it. Digits may be typed on an Arabic keyboard
/// (٢٠٢٣-٠٧-٢١, or the Persian forms): they are read as the same digits.
/// </summary>
public static partial class PlainDate
{
    public static DateSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = WesternDigits(text.Trim());
        if (Iso().Match(t) is { Success: true } iso)
        {
            var start = Day(iso.Groups["a"].Value, t);
            return Span(start, iso.Groups["b"].Success ? Day(iso.Groups["b"].Value, t) : start, t);
        }

        if (IsoMonth().Match(t) is { Success: true } isoMonth)
        {
            return Month(int.Parse(isoMonth.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(isoMonth.Groups["m"].Value, CultureInfo.InvariantCulture), t);
        }

        if (DayFirst().Match(t) is { Success: true } dayFirst)
        {
            return Written(dayFirst, t);
        }

        if (MonthFirst().Match(t) is { Success: true } monthFirst)
        {
            return Written(monthFirst, t);
        }

        throw new PlainValueException($"'{t}' is not a date: type 2023-07-21, 21 July 2023, July 2023 or 21–23 July 2023");
    }

    // Arabic-Indic (U+0660–0669) and Extended Arabic-Indic (U+06F0–06F9) digits as 0–9: int.Parse reads only the latter.
    private static string WesternDigits(string text) =>
        string.Create(text.Length, text, (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                chars[i] = c is >= '\u0660' and <= '\u0669' ? (char)('0' + (c - '\u0660')) : c is >= '\u06F0' and <= '\u06F9' ? (char)('0' + (c - '\u06F0')) : c;
            }
        });

    private static DateSpan Written(Match match, string text)
    {
        var month = MonthNumber(match.Groups["m"].Value) ?? throw new PlainValueException($"'{match.Groups["m"].Value}' in '{text}' is not a month");
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (!match.Groups["d1"].Success)
        {
            return Month(year, month, text);
        }

        var first = DayOf(year, month, match.Groups["d1"].Value, text);
        return Span(first, match.Groups["d2"].Success ? DayOf(year, month, match.Groups["d2"].Value, text) : first, text);
    }

    private static DateSpan Span(DateOnly start, DateOnly end, string text)
    {
        if (end < start)
        {
            throw new PlainValueException($"'{text}': the end comes before the start");
        }

        var days = end.DayNumber - start.DayNumber + 1;
        return new DateSpan(start, end, days == 1 ? TimePrecision.Day : days <= 7 ? TimePrecision.Week : TimePrecision.Month);
    }

    private static DateSpan Month(int year, int month, string text)
    {
        if (month is < 1 or > 12 || year is < 1 or > 9999)
        {
            throw new PlainValueException($"'{text}' is not a month");
        }

        var first = new DateOnly(year, month, 1);
        return new DateSpan(first, first.AddMonths(1).AddDays(-1), TimePrecision.Month);
    }

    private static DateOnly Day(string iso, string text) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : throw new PlainValueException($"'{text}': {iso} is not a day of the calendar");

    private static DateOnly DayOf(int year, int month, string day, string text)
    {
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, d) : throw new PlainValueException($"'{text}': day {d} is not in that month");
    }

    private static int? MonthNumber(string word)
    {
        var w = word.TrimEnd('.').ToLowerInvariant();
        if (w.Length < 3)
        {
            return null;
        }

        var names = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
        for (var i = 0; i < 12; i++)
        {
            if (names[i].StartsWith(w, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return w == "sept" ? 9 : null;
    }

    [GeneratedRegex(@"^(?<a>\d{4}-\d{2}-\d{2})(?:\s*(?:–|—|-|to|\.\.)\s*(?<b>\d{4}-\d{2}-\d{2}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})$")]
    private static partial Regex IsoMonth();

    [GeneratedRegex(@"^(?:(?<d1>\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:–|—|-|to)\s*(?<d2>\d{1,2})(?:st|nd|rd|th)?)?\s+(?:of\s+)?)?(?<m>[A-Za-z]+\.?),?\s+(?<y>\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"^(?<m>[A-Za-z]+\.?)\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:–|—|-|to)\s*(?<d2>\d{1,2})(?:st|nd|rd|th)?)?,?\s+(?<y>\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex MonthFirst();
}
