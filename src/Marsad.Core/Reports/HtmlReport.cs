using System.Net;
using System.Text;

namespace Marsad.Core.Reports;

/// <summary>
/// The report as one self-contained HTML page: the chart and map inline as SVG, every figure's
/// events linked to their rows in the events table, long cells wrapping inside a fixed-width table.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
        h1 { margin-bottom: 0.2em; } .subtitle { font-size: 1.15em; color: #444; margin-top: 0; }
        table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0.8em 0 1.4em; font-size: 0.92em; }
        th, td { border: 1px solid #ccc; padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
        th { background: #f1efe8; } tr:target { background: #fff6c8; }
        table.events col.n { width: 3.5em; } table.headline col.f { width: 22%; } table.headline col.r { width: 22%; }
        .refs a { text-decoration: none; margin-right: 0.25em; } .refs { color: #555; font-size: 0.9em; }
        .fail { color: #a40000; font-weight: bold; } .pass { color: #1b6e1b; }
        figure { margin: 1em 0; } figure svg { width: 100%; height: auto; border: 1px solid #ddd; }
        .ids { font-size: 0.8em; color: #666; overflow-wrap: anywhere; }
        """;

    public static string Render(MonthlyReport report, string chartSvg, string mapSvg)
    {
        ArgumentNullException.ThrowIfNull(report);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(report.Title)).Append("</title><style>").Append(Style).AppendLine("</style></head><body>");
        h.Append("<h1>").Append(E(report.Title)).Append("</h1><p class=\"subtitle\">").Append(E(report.Subtitle)).AppendLine("</p>");
        h.AppendLine("<h2>Headline figures</h2><table class=\"headline\"><colgroup><col class=\"f\"><col><col class=\"r\"></colgroup><tr><th>figure</th><th>value</th><th>events</th></tr>");
        foreach (var f in report.Headline)
        {
            h.Append("<tr><td>").Append(E(f.Label)).Append("</td><td>").Append(E(f.Value)).Append("</td><td class=\"refs\">").Append(Refs(f.Refs)).AppendLine("</td></tr>");
        }

        h.AppendLine("</table>");
        foreach (var section in report.Sections)
        {
            h.Append("<h2>").Append(E(section.Title)).AppendLine("</h2>");
            if (section.Lines.Count == 0)
            {
                h.AppendLine("<p>Nothing in the record for this month.</p>");
                continue;
            }

            h.AppendLine("<ul>");
            foreach (var line in section.Lines)
            {
                h.Append("<li>").Append(E(line.Text)).Append(" <span class=\"refs\">").Append(Refs(line.Refs)).AppendLine("</span></li>");
            }

            h.AppendLine("</ul>");
        }

        h.AppendLine("<h2>Consistency checks</h2><ul>");
        foreach (var c in report.Checks)
        {
            h.Append("<li>").Append(c.Passed ? "<span class=\"pass\">✔</span> " : "<span class=\"fail\">✘ mismatch</span> ")
                .Append("<code>").Append(E(c.Kind)).Append("</code> ").Append(E(c.Message)).Append(" (").Append(E(c.Where)).Append(") <span class=\"refs\">")
                .Append(Refs(c.Refs)).AppendLine("</span></li>");
        }

        h.AppendLine("</ul><h2>The month by week and type</h2><figure>").Append(StripXmlDeclaration(chartSvg)).AppendLine("</figure>");
        h.AppendLine("<h2>Map</h2><figure>").Append(StripXmlDeclaration(mapSvg)).AppendLine("</figure>");
        h.AppendLine("<h2>Events</h2><table class=\"events\"><colgroup><col class=\"n\"><col><col><col><col><col><col><col></colgroup>");
        h.AppendLine("<tr><th>#</th><th>dates</th><th>type</th><th>actors</th><th>place</th><th>figures</th><th>status</th><th>sources</th></tr>");
        foreach (var e in report.Events)
        {
            h.Append("<tr id=\"").Append(e.Label.ToLowerInvariant()).Append("\"><td>").Append(e.Label).Append("</td>");
            foreach (var cell in new[] { e.Dates, e.Type, e.Actors, e.Place, e.Figures, e.Status, e.Sources })
            {
                h.Append("<td>").Append(E(cell)).Append("</td>");
            }

            h.AppendLine("</tr>");
        }

        h.AppendLine("</table><h2>Notes</h2><ul>");
        foreach (var note in report.Notes)
        {
            h.Append("<li>").Append(E(note)).AppendLine("</li>");
        }

        h.Append("</ul><p class=\"ids\">Event ids: ").Append(E(string.Join(", ", report.Events.Select(e => $"{e.Label} {e.Id:D}")))).AppendLine("</p></body></html>");
        return h.ToString();
    }

    private static string Refs(IReadOnlyList<string> refs) =>
        string.Join(" ", refs.Select(r => r.StartsWith('E') && !r.Contains(' ', StringComparison.Ordinal) ? $"<a href=\"#{r.ToLowerInvariant()}\">{r}</a>" : $"<code>{E(r)}</code>"));

    /// <summary>The SVG without its XML declaration and with a viewBox, so the page can scale it to its width.</summary>
    private static string StripXmlDeclaration(string svg)
    {
        var body = svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..] : svg;
        var size = System.Text.RegularExpressions.Regex.Match(body, @"<svg[^>]*?width=""(\d+)"" height=""(\d+)""");
        return size.Success && !body[..size.Length].Contains("viewBox", StringComparison.Ordinal)
            ? body.Insert(size.Index + 4, $" viewBox=\"0 0 {size.Groups[1].Value} {size.Groups[2].Value}\" preserveAspectRatio=\"xMidYMid meet\"")
            : body;
    }

    // Encoded text with each Arabic run in its own <bdi dir="rtl" lang="ar">: an Arabic title or name keeps its order inside
    // an English line, and the brackets and Latin names beside it keep theirs.
    private static string E(string text) => ArabicRuns.Isolate(text, WebUtility.HtmlEncode, run => "<bdi dir=\"rtl\" lang=\"ar\">" + WebUtility.HtmlEncode(run) + "</bdi>");
}
