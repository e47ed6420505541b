using System.Globalization;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Review.PlainValues;

/// <summary>
/// An event's fields in the words a coder would type them back (<see cref="PlainFields"/> reads every one of these forms),
/// for the terminal queue and the web review page alike.
/// </summary>
public static class PlainText
{
    /// <summary>The fields a coder can set on an event, in the order they are shown; those the proposal lacks can be added.</summary>
    public static readonly IReadOnlyList<string> EditableEventFields =
        ["sub_event_type", "date", "location", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", .. PlainFields.QuantityNames, "summary"];

    public static IReadOnlyList<(string Field, string Text)> Of(ConflictEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var rows = new List<(string, string)>
        {
            ("type", $"{e.EventType.Label} / {e.SubEventType.Label}"),
            ("date", e.Date.IsUnresolved ? Events.EventDates.Undated(e.DateText) : Date(e.Date)),
            ("location", e.Location is null ? "—" : Place(e.Location)),
            ("actor1", e.Actor1 ?? "—"),
            ("actor2", e.Actor2 ?? "—"),
        };
        if (e.AssocActor1.Length > 0)
        {
            rows.Add(("assoc_actor_1", string.Join("; ", e.AssocActor1)));
        }

        if (e.AssocActor2.Length > 0)
        {
            rows.Add(("assoc_actor_2", string.Join("; ", e.AssocActor2)));
        }

        rows.AddRange(e.Quantities.Select(q => (q.Key, Count(q.Value))));
        if (e.Aggregate is { } aggregate)
        {
            rows.Add(("aggregate", string.Create(CultureInfo.InvariantCulture, $"{aggregate.Incidents} incidents")));
        }

        if (e.Tags.Length > 0)
        {
            rows.Add(("tags", string.Join(", ", e.Tags)));
        }

        if (!string.IsNullOrWhiteSpace(e.Summary))
        {
            rows.Add(("summary", e.Summary));
        }

        return rows;
    }

    /// <summary>"2023-07-21", "21–23 July 2023", "July 2023", or "2023-06-28 – 2023-07-03" across months.</summary>
    public static string Date(DateSpan date)
    {
        ArgumentNullException.ThrowIfNull(date);
        var c = CultureInfo.InvariantCulture;
        if (date.Start == date.End)
        {
            return date.Start.ToString("yyyy-MM-dd", c);
        }

        if (date.Start.Day == 1 && date.End == date.Start.AddMonths(1).AddDays(-1))
        {
            return date.Start.ToString("MMMM yyyy", c);
        }

        return date.Start.Year == date.End.Year && date.Start.Month == date.End.Month
            ? string.Create(c, $"{date.Start.Day}–{date.End.Day} {date.Start.ToString("MMMM yyyy", c)}")
            : string.Create(c, $"{date.Start:yyyy-MM-dd} to {date.End:yyyy-MM-dd}");
    }

    /// <summary>"3", "3-5", "at least 3", "at most 10".</summary>
    public static string Count(Quantity q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var c = CultureInfo.InvariantCulture;
        return (q.Low, q.Best, q.High) switch
        {
            ({ } l, _, { } h) when l == h => l.ToString(c),
            ({ } l, _, { } h) => string.Create(c, $"{l}-{h}"),
            ({ } l, _, null) => string.Create(c, $"at least {l}"),
            (null, { } b, null) => string.Create(c, $"at least {b}"),
            (null, _, { } h) => string.Create(c, $"at most {h}"),
            _ => "—",
        };
    }

    /// <summary>"Rmelan — Al-Hasakeh / Al-Malikeyyeh (precision 1)".</summary>
    public static string Place(Location l)
    {
        ArgumentNullException.ThrowIfNull(l);
        // Governorate first here, as the gazetteer's candidates are listed; a district named as its governorate once (PlaceLine).
        var areas = string.Join(" / ", Names.PlaceLine.Areas(l).Reverse());
        var name = l.Name ?? areas;
        return l.Name is null || areas.Length == 0 ? name : $"{name} — {areas}{(l.Precision is { } p ? $" (precision {(int)p})" : string.Empty)}";
    }
}
