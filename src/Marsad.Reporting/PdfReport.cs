namespace Marsad.Core.Reports;

/// <summary>
/// The report as a PDF (SkiaSharp's PDF backend): the same content as the HTML, figures marked with
/// their events in brackets, and an appendix that lists, for every figure and line, the events and
/// records it counts with their full ids and sources.
/// </summary>
public static class PdfReport
{
    public static void Write(Stream stream, MonthlyReport report, byte[] chartPng, byte[] mapPng)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var pdf = new PdfLayout(stream, report.Title, $"Marsad — {report.Title}");
        pdf.Heading(report.Title, 20);
        pdf.Paragraph(report.Subtitle, 12, muted: true);
        pdf.Heading("Headline figures", 14);
        pdf.Table([2, 4, 2], ["figure", "value", "events (see appendix)"], report.Headline.Select(f => (IReadOnlyList<string>)[f.Label, f.Value, Refs(f.Refs)]), 9);
        foreach (var section in report.Sections)
        {
            pdf.Heading(section.Title, 13);
            if (section.Lines.Count == 0)
            {
                pdf.Paragraph("Nothing in the record for this month.", 10, muted: true);
            }

            foreach (var line in section.Lines)
            {
                pdf.Paragraph("• " + line.Text + " [" + Refs(line.Refs) + "]", 10, indent: 6);
            }
        }

        pdf.Heading("Consistency checks", 13);
        foreach (var c in report.Checks)
        {
            pdf.Paragraph($"{(c.Passed ? "✔" : "✘ MISMATCH")} {c.Kind}: {c.Message} ({c.Where}){(c.Refs.Count > 0 ? " [" + Refs(c.Refs) + "]" : "")}", 10, indent: 6);
        }

        pdf.KeepTogether(PdfLayout.ImageHeight(chartPng, 500) + 40);
        pdf.Heading("The month by week and type", 13);
        pdf.Image(chartPng, 500);
        pdf.KeepTogether(PdfLayout.ImageHeight(mapPng, 470) + 40);
        pdf.Heading("Map", 13);
        pdf.Image(mapPng, 470);
        pdf.Heading("Events", 13);
        pdf.Table([0.6f, 1.6f, 2.3f, 2.2f, 2f, 1.7f, 1.1f, 1.4f], ["#", "dates", "type", "actors", "place", "figures", "status", "sources"],
            report.Events.Select(e => (IReadOnlyList<string>)[e.Label, e.Dates, e.Type, e.Actors, e.Place, e.Figures, e.Status, e.Sources]), 7.5f);
        pdf.Heading("Notes", 13);
        foreach (var note in report.Notes)
        {
            pdf.Paragraph("• " + note, 9, indent: 6);
        }

        pdf.Heading("Appendix: what each figure counts", 13);
        var rows = report.Headline.Select(f => (IReadOnlyList<string>)[f.Label + ": " + f.Value, Refs(f.Refs)])
            .Concat(report.Sections.SelectMany(s => s.Lines.Select(l => (IReadOnlyList<string>)[$"{s.Title}: {Trim(l.Text)}", Refs(l.Refs)])))
            .Concat(report.Checks.Where(c => c.Refs.Count > 0).Select(c => (IReadOnlyList<string>)[$"check {c.Kind}: {c.Message}", Refs(c.Refs)]));
        pdf.Table([5, 2], ["figure or line", "events and records"], rows, 8);
        pdf.Table([0.6f, 3.2f, 4f], ["#", "event id", "sources"], report.Events.Select(e => (IReadOnlyList<string>)[e.Label, e.Id.ToString("D"), e.Sources]), 8);
    }

    private static string Refs(IReadOnlyList<string> refs) => string.Join(", ", refs);

    private static string Trim(string text) => text.Length <= 160 ? text : text[..157] + "…";
}
