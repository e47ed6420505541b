using System.Diagnostics;
using System.Globalization;
using Marsad.Core.Intake;
using Marsad.Core.Storage;
using Spectre.Console;

namespace Marsad.Cli.Output;

/// <summary>
/// Runs an ingest with feedback: a progress bar on a terminal, plain progress lines when output is
/// redirected. Every failed input is named once on standard error: as it happens when redirected,
/// after the progress bar on a terminal.
/// </summary>
internal static class IngestRunner
{
    public static async Task<IngestSummary> RunAsync(IngestDocuments ingest, IngestRequest request, ChangeContext context, CliEnvironment env, CancellationToken cancellationToken)
    {
        if (env.Interactive)
        {
            IngestSummary? summary = null;
            await env.Out.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Ingesting", maxValue: 1);
                var progress = new SyncProgress<IngestProgress>(p =>
                {
                    task.MaxValue = p.Total;
                    task.Value = p.Done;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"Ingesting {p.Done}/{p.Total}");
                });
                summary = await ingest.RunAsync(request, context, progress, cancellationToken);
            });

            // Printed after the live display ends: lines written while it redraws would be torn.
            foreach (var outcome in summary!.Outcomes)
            {
                ReportFailure(env, outcome);
            }

            return summary;
        }

        var clock = Stopwatch.StartNew();
        var lastLine = TimeSpan.Zero;
        var plain = new SyncProgress<IngestProgress>(p =>
        {
            ReportFailure(env, p.Last);
            if (p.Done == p.Total || clock.Elapsed - lastLine > TimeSpan.FromSeconds(2))
            {
                lastLine = clock.Elapsed;
                env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest: {p.Done}/{p.Total} inputs"));
            }
        });
        return await ingest.RunAsync(request, context, plain, cancellationToken);
    }

    private static void ReportFailure(CliEnvironment env, IngestOutcome outcome)
    {
        if (outcome.Status == IngestStatus.Failed)
        {
            env.WriteError($"{outcome.Origin}: {outcome.Problem}");
        }
    }
}
