using Marsad.Domain.Common;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Recognition.Dates;

/// <summary>
/// Dates in a document with no publication date: words that need one ("yesterday", "on Friday", "the 16th", "last
/// month", "January 25" without a year) are still found, so the event keeps them as its date text, but their span is
/// <see cref="DateSpan.Unresolved"/>; only dates that state their year resolve. Never an invented date.
/// One exception, as a coder reads such a report: a day and month without a year ("on 5 March", "January 3") take
/// the latest year the text itself names ("since early 2022", "in March 2021"), because undated reports in this genre
/// recount the recent days of the period they name. Weekdays and "yesterday" still need a publication date.
/// </summary>
public static class UnanchoredDates
{
    // Any day serves to find the words; a 31-day month so that "the 31st" is found too. Its dates are never kept.
    private static readonly DateOnly FindingAnchor = new(2020, 1, 31);

    public static List<DateMention> Find(TokenView view, int from, int to, DateOnly? published, int? textYear = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (published is not null)
        {
            return DateRecognizer.Find(view, from, to, published);
        }

        var found = DateRecognizer.Find(view, from, to, FindingAnchor);
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].Kind == DateKind.Calendar)
            {
                continue;
            }

            var m = found[i];
            found[i] = textYear is { } y && m.Kind == DateKind.Relative && NamesMonth(view, m)
                && m.Span.Start.Day <= DateTime.DaysInMonth(y, m.Span.Start.Month)
                ? m with { Span = DateSpan.OnDay(new DateOnly(y, m.Span.Start.Month, m.Span.Start.Day)), Kind = DateKind.Calendar }
                : m with { Span = DateSpan.Unresolved };
        }

        return found;
    }

    /// <summary>
    /// The latest year the text names as a year: a four-digit number from 1990 to 2100 after a month name or a word
    /// that introduces a time ("in", "since", "early", "late", "of", "during", "until", "year", "mid"), so that a count
    /// such as "2000 people" is not taken for one. Null when the text names none.
    /// </summary>
    public static int? LatestNamedYear(TokenView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        int? latest = null;
        var t = view.Tokens;
        for (var i = 1; i < view.Count; i++)
        {
            if (t[i].Kind == TokenKind.Number && t[i].Length == 4 && t[i].Number is >= 1990 and <= 2100
                && (view.IsAny(i - 1, YearLeads) || CalendarWords.TryMonth(view[i - 1], out _) || (view.IsPunct(i - 1, ',') && i >= 3 && CalendarWords.TryMonth(view[i - 3], out _)))
                && (latest is null || t[i].Number > latest))
            {
                latest = t[i].Number;
            }
        }

        return latest;
    }

    private static readonly WordSet YearLeads = new("in", "since", "early", "late", "of", "during", "until", "year", "mid", "end", "beginning", "throughout");

    // "January 3" or "3 January" (a month name inside the mention), as against "the 16th" or a weekday.
    private static bool NamesMonth(TokenView view, DateMention m)
    {
        var t = view.Tokens;
        var (lo, hi) = (0, view.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = t[mid].Start < m.Start ? (mid + 1, hi) : (lo, mid);
        }

        for (var i = lo; i < view.Count && t[i].Start < m.End; i++)
        {
            if (t[i].Start >= m.Start && t[i].IsWord && CalendarWords.TryMonth(view[i], out _))
            {
                return true;
            }
        }

        return false;
    }
}
