using System.Text;

namespace Marsad.Core.Reports;

/// <summary>
/// The report in Markdown: every figure's events are links to their rows in the events table
/// (anchors e1, e2, …). The chart and map are images beside the file when there is one; on standard
/// output the chart's numbers stand as a table instead.
/// </summary>
public static class MarkdownReport
{
    public static string Render(MonthlyReport report, string? chartImage = null, string? mapImage = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Text(report.Title)).AppendLine();
        md.Append("**").Append(Text(report.Subtitle)).AppendLine("**").AppendLine();
        md.AppendLine("## Headline figures").AppendLine();
        md.AppendLine("| figure | value | events |").AppendLine("|---|---|---|");
        foreach (var f in report.Headline)
        {
            md.Append("| ").Append(Cell(f.Label)).Append(" | ").Append(Cell(f.Value)).Append(" | ").Append(Refs(f.Refs)).AppendLine(" |");
        }

        md.AppendLine();
        foreach (var section in report.Sections)
        {
            md.Append("## ").AppendLine(Text(section.Title)).AppendLine();
            if (section.Lines.Count == 0)
            {
                md.AppendLine("Nothing in the record for this month.").AppendLine();
                continue;
            }

            foreach (var line in section.Lines)
            {
                md.Append("- ").Append(Text(line.Text)).Append(' ').AppendLine(Refs(line.Refs));
            }

            md.AppendLine();
        }

        md.AppendLine("## Consistency checks").AppendLine();
        foreach (var check in report.Checks)
        {
            md.Append("- ").Append(check.Passed ? "✔ " : "✘ **mismatch** ").Append('`').Append(check.Kind).Append("` ").Append(Text(check.Message))
                .Append(" (").Append(Text(check.Where)).Append(") ").AppendLine(Refs(check.Refs));
        }

        md.AppendLine().AppendLine("## The month by week and type").AppendLine();
        if (chartImage is not null)
        {
            md.Append("![Incidents by week and event type](").Append(chartImage).AppendLine(")").AppendLine();
        }

        md.Append("| week of | ").Append(string.Join(" | ", report.Chart.Types.Select(Cell))).AppendLine(" |");
        md.Append("|---|").Append(string.Concat(report.Chart.Types.Select(_ => "---|"))).AppendLine();
        foreach (var week in report.Chart.Weeks)
        {
            md.Append("| ").Append(EventPhrases.Iso(week)).Append(" | ").Append(string.Join(" | ", report.Chart.Types.Select(t => report.Chart.Counts.GetValueOrDefault((week, t))))).AppendLine(" |");
        }

        if (report.Chart.Undated.Values.Any(n => n > 0))
        {
            md.Append("| no day stated | ").Append(string.Join(" | ", report.Chart.Types.Select(t => report.Chart.Undated.GetValueOrDefault(t)))).AppendLine(" |");
        }

        md.AppendLine().AppendLine("## Map").AppendLine();
        if (mapImage is not null)
        {
            md.Append("![Events of the month over the OCHA boundaries](").Append(mapImage).AppendLine(")").AppendLine();
        }

        md.AppendLine(report.MapPoints.Count == 0 ? "No event of the month has coordinates." : string.Join("; ", report.MapPoints.Select(p => $"{p.Label} {Text(p.Place)} ({p.Latitude:0.###}, {p.Longitude:0.###})"))).AppendLine();
        md.AppendLine("## Events").AppendLine();
        md.AppendLine("| # | dates | type | actors | place | figures | status | sources |").AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var e in report.Events)
        {
            md.Append("| <a id=\"").Append(e.Label.ToLowerInvariant()).Append("\"></a>").Append(e.Label).Append(" | ")
                .AppendJoin(" | ", new[] { e.Dates, e.Type, e.Actors, e.Place, e.Figures, e.Status, e.Sources }.Select(Cell)).AppendLine(" |");
        }

        md.AppendLine().AppendLine("## Notes").AppendLine();
        foreach (var note in report.Notes)
        {
            md.Append("- ").AppendLine(Text(note));
        }

        md.AppendLine().Append("Event ids: ").AppendLine(string.Join(", ", report.Events.Select(e => $"{e.Label} `{e.Id:D}`")));
        return md.ToString();
    }

    private static string Refs(IReadOnlyList<string> refs) =>
        refs.Count == 0 ? "" : "[" + string.Join(", ", refs.Select(r => r.StartsWith('E') && !r.Contains(' ', StringComparison.Ordinal) ? $"[{r}](#{r.ToLowerInvariant()})" : $"`{r}`")) + "]";

    private static string Cell(string text) => Text(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>
    /// Text from the record as Markdown text, never markup: Markdown passes raw HTML through, so a title holding
    /// &lt;script&gt; or &lt;img onerror&gt; would run in whatever renders the report.
    /// </summary>
    private static string Text(string? text) => ArabicRuns.IsolatePlain(text, Escape);

    // Each Arabic run is isolated (FSI … PDI) so that in an English line it keeps its order and the brackets around it theirs.
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
