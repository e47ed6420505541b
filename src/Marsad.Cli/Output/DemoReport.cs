using Marsad.Cli.Commands;
using Marsad.Core.Access;
using Marsad.Core.Analytics;
using Marsad.Core.Events;
using Marsad.Core.Reports;
using Marsad.Core.Storage;

namespace Marsad.Cli.Output;

/// <summary>
/// The demo's monthly report: the month with the most events among the samples (the latest on a tie),
/// as a draft that counts the unreviewed proposals (the demo reviews nothing), in Markdown, HTML and PDF.
/// </summary>
internal static class DemoReport
{
    public static async Task WriteAsync(IMarsadStore store, string folder, CliEnvironment env, CancellationToken cancellationToken)
    {
        var events = await store.Events.ListAsync(new EventQuery { Limit = 100_000 }, Role.Editor, cancellationToken);
        if (events.Count == 0)
        {
            env.WriteLine("No events, so no monthly report.");
            return;
        }

        var month = events.Where(e => !e.Event.Date.IsUnresolved).GroupBy(e => ReportMonth.Of(e.Event.Date.Start)).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.First).First().Key;
        var report = await new BuildMonthlyReport(store, env.Time).RunAsync(new ReportRequest(month) { IncludeUnreviewed = true }, cancellationToken);
        var areas = ReportCommand.LoadAreas();
        var written = new List<string>();
        foreach (var format in new[] { "md", "html", "pdf" })
        {
            written.AddRange(ReportWriter.Write(report, format, Path.Combine(folder, $"report-{month}.{format}"), areas, TextWriter.Null));
        }

        env.WriteLine($"Monthly report for {month.Title} (draft, unreviewed proposals counted):");
        foreach (var path in written)
        {
            env.WriteLine("  " + path);
        }
    }
}
