using Marsad.Extraction.Geography;

namespace Marsad.Core.Reports;

/// <summary>
/// Writes a report in a format: to standard output, or to a file written whole or not at all (a
/// temporary file beside it, renamed into place). Markdown written to a file gets its chart and map as
/// PNG files beside it. Returns the files written.
/// </summary>
public static class ReportWriter
{
    public static IReadOnlyList<string> Write(MonthlyReport report, string format, string? file, IReadOnlyList<AdminArea> areas, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stdout);
        var written = new List<string>();
        switch (format)
        {
            case "md" when file is null:
                stdout.Write(MarkdownReport.Render(report));
                break;
            case "md":
                var stem = Path.GetFileNameWithoutExtension(file);
                var chart = stem + "-chart.png";
                var map = stem + "-map.png";
                var folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
                Atomic(Path.Combine(folder, chart), s => s.Write(ReportChart.Png(report.Chart)), written);
                Atomic(Path.Combine(folder, map), s => s.Write(ReportMap.Png(report.MapPoints, areas)), written);
                Atomic(file, s => Text(s, MarkdownReport.Render(report, chart, map)), written);
                break;
            case "html":
                var html = HtmlReport.Render(report, ReportChart.Svg(report.Chart), ReportMap.Svg(report.MapPoints, areas));
                if (file is null)
                {
                    stdout.Write(html);
                }
                else
                {
                    Atomic(file, s => Text(s, html), written);
                }

                break;
            case "pdf":
                ArgumentNullException.ThrowIfNull(file);
                var chartPng = ReportChart.Png(report.Chart);
                var mapPng = ReportMap.Png(report.MapPoints, areas);
                Atomic(file, s => PdfReport.Write(s, report, chartPng, mapPng), written);
                break;
            default:
                throw new ArgumentException($"unknown report format '{format}' (md, html or pdf)", nameof(format));
        }

        stdout.Flush();
        return written;
    }

    private static void Atomic(string path, Action<Stream> write, List<string> written)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            using (var stream = File.Create(temporary))
            {
                write(stream);
            }

            File.Move(temporary, full, overwrite: true);
            written.Add(full);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void Text(Stream stream, string text)
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
        writer.Write(text);
    }
}
