using System.Globalization;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Events;

/// <summary>
/// How an event's date reads in a table, a card or a report line: one day, a span, or "undated: &lt;the text's words&gt;"
/// when the text left it unresolved, so no output shows the domain's 0001-01-01 mark as a day.
/// </summary>
public static class EventDates
{
    public static string Text(ConflictEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Text(e.Date, e.DateText);
    }

    public static string Text(DateSpan date, string? words)
    {
        ArgumentNullException.ThrowIfNull(date);
        return date.IsUnresolved ? Undated(words)
            : date.Start == date.End ? Iso(date.Start)
            : $"{Iso(date.Start)}…{Iso(date.End)}";
    }

    /// <summary>"undated: on Friday" (or "undated" when the text gave no words either).</summary>
    public static string Undated(string? words) => string.IsNullOrWhiteSpace(words) ? "undated" : "undated: " + words.Trim();

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
