using System.Globalization;
using Marsad.Core.Events;
using Spectre.Console;

namespace Marsad.Cli.Output;

/// <summary>The table of events that <c>events</c> and <c>demo</c> print.</summary>
internal static class EventTable
{
    public static Table Of(IReadOnlyList<EventListItem> items, IReadOnlyDictionary<Guid, string> shortIds)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("id").AddColumn("date").AddColumn("sub-event type").AddColumn("actors").AddColumn("place").AddColumn(new TableColumn("killed").RightAligned())
            .AddColumn("status").AddColumn("grade").AddColumn("sources");
        foreach (var item in items)
        {
            var e = item.Event;
            var date = Markup.Escape(EventDates.Text(e));
            var killed = e.Quantities.TryGetValue("fatalities", out var q) ? (q.Low ?? q.Best ?? q.High)?.ToString(CultureInfo.InvariantCulture) ?? "" : "";
            table.AddRow(
                shortIds[e.Id], date, Markup.Escape(e.SubEventType.Label), Markup.Escape(string.Join(" / ", new[] { e.Actor1, e.Actor2 }.Where(a => a is not null))),
                Markup.Escape(e.Location?.Name ?? "—"), killed, e.Status.ToString().ToLowerInvariant(), e.Grade?.ToString().ToLowerInvariant() ?? "—",
                Markup.Escape(string.Join(", ", item.Sources)));
        }

        return table;
    }
}
