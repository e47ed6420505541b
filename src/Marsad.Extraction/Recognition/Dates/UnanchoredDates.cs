using Marsad.Domain.Common;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Recognition.Dates;

/// <summary>
/// Dates in a document with no publication date: words that need one ("yesterday", "on Friday", "the 16th", "last
/// month", "January 25" without a year) are still found, so the event keeps them as its date text, but their span is
/// <see cref="DateSpan.Unresolved"/>; only dates that state their year resolve. Never an invented date.
/// </summary>
public static class UnanchoredDates
{
    // Any day serves to find the words; a 31-day month so that "the 31st" is found too. Its dates are never kept.
    private static readonly DateOnly FindingAnchor = new(2020, 1, 31);

    public static List<DateMention> Find(TokenView view, int from, int to, DateOnly? published)
    {
        if (published is not null)
        {
            return DateRecognizer.Find(view, from, to, published);
        }

        var found = DateRecognizer.Find(view, from, to, FindingAnchor);
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].Kind != DateKind.Calendar)
            {
                found[i] = found[i] with { Span = DateSpan.Unresolved };
            }
        }

        return found;
    }
}
