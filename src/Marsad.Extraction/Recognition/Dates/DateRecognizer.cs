using Marsad.Domain.Common;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Recognition.Dates;

/// <summary>
/// Finds dates: calendar dates ("2 June 2023", "January 15", "the 25th of January", "March 21, 2019"),
/// days relative to the publication date ("yesterday", "on Friday", "the seventh of this month", "the 16th"),
/// and periods ("last month", "over the last four weeks"). A date without a year takes the latest year that
/// does not put it after publication. "(week of)" and "(month of)" after a date widen its precision as ACLED does.
/// </summary>
public static class DateRecognizer
{
    // Every word a date can start with; any other word is passed over with one bit test (most words are not dates).
    private static readonly WordSet Starters = new(CalendarWords.Names.Concat(NumberWords.OrdinalWords).Concat(["yesterday", "today", "this", "last", "the", "past"]));

    public static List<DateMention> Find(TokenView view, int from, int to, DateOnly? published)
    {
        ArgumentNullException.ThrowIfNull(view);
        var found = new List<DateMention>();
        for (var i = from; i < to;)
        {
            var consumed = TryAt(view, i, to, published, out var mention);
            if (consumed > 0 && mention is not null)
            {
                found.Add(Widen(view, i + consumed, to, mention));
                i += consumed;
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    private static int TryAt(TokenView v, int i, int to, DateOnly? published, out DateMention? mention)
    {
        mention = null;
        var t = v.Tokens;
        if (t[i].Kind == TokenKind.Punctuation || (t[i].IsWord && !v.IsAny(i, Starters)))
        {
            return 0;
        }

        var word = v[i];

        // DAY MONTH [YEAR] and "the DAYth of MONTH [YEAR]"
        if (DayNumber(v, i, out var day, out var dayCount))
        {
            var j = i + dayCount;
            if (v.Is(j, "of"))
            {
                j++;
            }

            if (j < to && CalendarWords.TryMonth(v[j], out var month))
            {
                var end = j + 1;
                var year = Year(v, end, to);
                if (year is not null)
                {
                    end++;
                }

                return Calendar(v, i, end, year, month, day, published, out mention);
            }

            // "the seventh of this month", "the 19th of the month", "the 20th of the same month", "on the 16th"
            var k = i + dayCount;
            var thisMonth = v.IsSequence(k, ["of", "this", "month"]) ? 3 : v.IsSequence(k, ["of", "the", "month"]) ? 3 : v.IsSequence(k, ["of", "the", "same", "month"]) ? 4 : 0;
            var ordinal = NumberWords.TryOrdinal(v.Text, t, i, out _, out _);
            var bare = thisMonth == 0 && ordinal && v.Is(i - 1, "the") && t[i].Kind == TokenKind.Number && (k >= to || t[k].Kind == TokenKind.Punctuation || v.IsAny(k, ["and", "while", "but"]));
            if (published is { } p && ordinal && (thisMonth > 0 || bare) && day <= DateTime.DaysInMonth(p.Year, p.Month))
            {
                var date = new DateOnly(p.Year, p.Month, day);
                var last = thisMonth > 0 ? k + thisMonth - 1 : k - 1;
                mention = new DateMention(t[i].Start, t[last].End, DateSpan.OnDay(date), DateKind.Relative);
                return last - i + 1;
            }
        }

        if (i < to && t[i].IsWord && CalendarWords.TryMonth(word, out var m2))
        {
            // MONTH DAY[,] [YEAR]
            if (i + 1 < to && t[i + 1].Kind == TokenKind.Number && t[i + 1].Number is >= 1 and <= 31)
            {
                var d = t[i + 1].Number;
                var end = i + 2;
                var yearAt = v.IsPunct(end, ',') ? end + 1 : end;
                var year = Year(v, yearAt, to);
                if (year is not null)
                {
                    end = yearAt + 1;
                }

                return Calendar(v, i, end, year, m2, d, published, out mention);
            }

            // MONTH YEAR: the whole month
            if (Year(v, i + 1, to) is { } y)
            {
                var first = new DateOnly(y, m2, 1);
                mention = new DateMention(t[i].Start, t[i + 1].End, new DateSpan(first, first.AddMonths(1).AddDays(-1), TimePrecision.Month), DateKind.Calendar);
                return 2;
            }
        }

        if (published is not { } pub || !t[i].IsWord)
        {
            return 0;
        }

        if (word.Equals("yesterday", StringComparison.OrdinalIgnoreCase))
        {
            var back = v.IsSequence(i - 3, ["the", "day", "before"]) ? 2 : 1;
            mention = new DateMention(t[i].Start, t[i].End, DateSpan.OnDay(pub.AddDays(-back)), DateKind.Relative);
            return 1;
        }

        if (word.Equals("today", StringComparison.OrdinalIgnoreCase) || v.IsSequence(i, ["this", "morning"]) || v.IsSequence(i, ["this", "evening"]))
        {
            var n = word.Equals("today", StringComparison.OrdinalIgnoreCase) ? 1 : 2;
            mention = new DateMention(t[i].Start, t[i + n - 1].End, DateSpan.OnDay(pub), DateKind.Relative);
            return n;
        }

        if (v.IsSequence(i, ["last", "night"]))
        {
            mention = new DateMention(t[i].Start, t[i + 1].End, DateSpan.OnDay(pub.AddDays(-1)), DateKind.Relative);
            return 2;
        }

        if (CalendarWords.TryWeekday(word, out var weekday) && (v.IsAny(i - 1, ["on", "last", "since", "of", "until"]) || v.IsPunct(i - 1, ',') || i == 0 || v.IsPunct(i - 1, '.')))
        {
            // The most recent such day on or before publication: "on Tuesday" in Tuesday's report is that day; "last Tuesday" the week before.
            var back = ((int)pub.DayOfWeek - (int)weekday + 7) % 7;
            mention = new DateMention(t[i].Start, t[i].End, DateSpan.OnDay(pub.AddDays(-(back == 0 && v.Is(i - 1, "last") ? 7 : back))), DateKind.Relative);
            return 1;
        }

        var lastMonthWords = v.IsSequence(i, ["last", "month"]) || v.IsSequence(i, ["the", "last", "month"]) || v.IsSequence(i, ["the", "past", "month"]);
        if (lastMonthWords)
        {
            var n = v.Is(i, "the") ? 3 : 2;
            var firstOfThis = new DateOnly(pub.Year, pub.Month, 1);
            var span = v.Is(i, "the")
                ? new DateSpan(pub.AddMonths(-1), pub.AddDays(-1), TimePrecision.Month)
                : new DateSpan(firstOfThis.AddMonths(-1), firstOfThis.AddDays(-1), TimePrecision.Month);
            mention = new DateMention(t[i].Start, t[i + n - 1].End, span, DateKind.Period);
            return n;
        }

        if (v.IsSequence(i, ["this", "month"]) && !v.Is(i - 1, "of"))
        {
            var first = new DateOnly(pub.Year, pub.Month, 1);
            mention = new DateMention(t[i].Start, t[i + 1].End, new DateSpan(first, pub, TimePrecision.Month), DateKind.Period);
            return 2;
        }

        // "over the last four weeks", "in the past 10 days", "during the past two months"
        if (v.IsAny(i, ["last", "past"]) && NumberWords.TryCardinal(v.Text, t, i + 1, out var count, out var countLength) && count is > 0 and < 400)
        {
            var unit = i + 1 + countLength;
            var days = v.IsAny(unit, ["days"]) ? count : v.IsAny(unit, ["weeks"]) ? count * 7 : v.IsAny(unit, ["months"]) ? count * 30 : 0;
            if (days > 0)
            {
                var start = v.IsAny(unit, ["months"]) ? pub.AddMonths(-count) : pub.AddDays(-days);
                var precision = days <= 7 ? TimePrecision.Week : TimePrecision.Month;
                mention = new DateMention(t[i].Start, t[unit].End, new DateSpan(start, pub.AddDays(-1), precision), DateKind.Period);
                return unit - i + 1;
            }
        }

        return 0;
    }

    private static int Calendar(TokenView v, int first, int end, int? year, int month, int day, DateOnly? published, out DateMention? mention)
    {
        mention = null;
        var y = year ?? InferYear(month, day, published);
        if (y is null || day < 1 || day > DateTime.DaysInMonth(y.Value, month))
        {
            return 0;
        }

        var date = new DateOnly(y.Value, month, day);
        mention = new DateMention(v.Tokens[first].Start, v.Tokens[end - 1].End, DateSpan.OnDay(date), year is null ? DateKind.Relative : DateKind.Calendar);
        return end - first;
    }

    private static int? InferYear(int month, int day, DateOnly? published)
    {
        if (published is not { } p)
        {
            return null;
        }

        var y = p.Year;
        return day <= DateTime.DaysInMonth(y, month) && new DateOnly(y, month, day) > p ? y - 1 : y;
    }

    private static bool DayNumber(TokenView v, int i, out int day, out int count)
    {
        day = 0;
        count = 0;
        if (i >= v.Count)
        {
            return false;
        }

        var t = v.Tokens[i];
        if (t.Kind == TokenKind.Number && t.Number is >= 1 and <= 31 && t.Length <= 4)
        {
            day = t.Number;
            count = 1;
            return true;
        }

        return NumberWords.TryOrdinal(v.Text, v.Tokens, i, out day, out count) && day is >= 1 and <= 31;
    }

    private static int? Year(TokenView v, int i, int to) =>
        i < to && v.Tokens[i].Kind == TokenKind.Number && v.Tokens[i].Length == 4 && v.Tokens[i].Number is >= 1900 and <= 2100 ? v.Tokens[i].Number : null;

    // ACLED writes "Around 2 June 2023 (week of)" and "(month of)" when only the week or the month is known.
    private static DateMention Widen(TokenView v, int next, int to, DateMention m)
    {
        if (!v.IsPunct(next, '(') || next + 2 >= to || !v.Is(next + 2, "of"))
        {
            return m;
        }

        var d = m.Span.Start;
        if (v.Is(next + 1, "week"))
        {
            return m with { Span = new DateSpan(d, d, TimePrecision.Week) };
        }

        return v.Is(next + 1, "month") ? m with { Span = new DateSpan(d, d, TimePrecision.Month) } : m;
    }
}
