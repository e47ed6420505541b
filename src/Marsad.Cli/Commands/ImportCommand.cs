using System.CommandLine;
using System.Globalization;
using Marsad.Core.Exchange.Formats;
using Marsad.Core.Exchange.Import;
using Marsad.Domain.Events;
using Marsad.Extraction.Geography;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad import acled|ucdp|jsonl FILE</c>: datasets' exports and Marsad's own JSON Lines read into the record.</summary>
public static class ImportCommand
{
    private const int ErrorsShown = 50;

    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var command = new Command("import", "Import events: ACLED or UCDP GED CSV exports, or Marsad's own JSON Lines");
        command.Subcommands.Add(Dataset(globals, env, AcledFormat.Instance, "ACLED export (text or ISO dates, numeric or text inter codes)"));
        command.Subcommands.Add(Dataset(globals, env, UcdpFormat.Instance, "UCDP GED export (low/best/high deaths, where_prec, date_prec)"));
        command.Subcommands.Add(Jsonl(globals, env));
        return command;
    }

    private static Command Dataset(GlobalOptions globals, CliEnvironment env, IDatasetFormat format, string what)
    {
        var file = new Argument<FileInfo>("file") { Description = $"The {what}" };
        var status = new Option<EventStatus>("--status") { Description = "Status of new events: extracted (to review) or published", DefaultValueFactory = _ => EventStatus.Extracted };
        status.AcceptOnlyFromAmong("extracted", "published");
        var sync = new Option<bool>("--sync") { Description = "The file is the dataset's whole export for the dates and countries it covers: withdraw earlier imports' events inside that coverage that it lacks" };
        var command = new Command(format.Dataset, $"Import an {what}; each row's id kept, re-imports update changed rows")
        {
            file, status, sync,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var path = result.GetValue(file)!;
            await using var input = path.OpenRead();
            var options = new DatasetImportOptions(result.GetValue(status), result.GetValue(sync), globals.UserName(result, env));
            var summary = await new ImportDataset(store, GazetteerGeocoder.LoadDefault()).RunAsync(input, format, options, rows => Progress(env, rows), cancellationToken);
            env.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{format.Dataset} {path.Name}: {summary.Rows} rows; inserted {summary.Inserted}, updated {summary.Updated}, unchanged {summary.Unchanged}, withdrawn {summary.Withdrawn}; rejected {summary.Rejected} rows — database {store.Target.Display}"));
            PrintErrors(env, summary.Errors);
            return summary.Errors.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Jsonl(GlobalOptions globals, CliEnvironment env)
    {
        var file = new Argument<FileInfo>("file") { Description = "A file written by marsad events --format jsonl" };
        var command = new Command("jsonl", "Import Marsad's JSON Lines export: ids kept; events that exist here and differ are reported, never overwritten") { file };
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var path = result.GetValue(file)!;
            await using var input = path.OpenRead();
            var summary = await new ImportJsonl(store).RunAsync(input, globals.UserName(result, env), cancellationToken);
            env.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"jsonl {path.Name}: {summary.Lines} lines; inserted {summary.Inserted}, already here {summary.Unchanged}, conflicts {summary.Conflicts.Count}; rejected {summary.Errors.Count} lines; warnings {summary.Warnings.Count} — database {store.Target.Display}"));
            foreach (var id in summary.Conflicts.Take(ErrorsShown))
            {
                env.WriteError($"conflict: event {id} differs from the one stored here; kept the stored one");
            }

            foreach (var warning in summary.Warnings.Take(ErrorsShown))
            {
                env.Error.WriteLine($"marsad: warning: {warning}");
            }

            PrintErrors(env, summary.Errors);
            return summary.Errors.Count + summary.Conflicts.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
        });
        return command;
    }

    private static void Progress(CliEnvironment env, long rows)
    {
        if (rows % 10_000 == 0)
        {
            env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"marsad: {rows} rows read"));
        }
    }

    private static void PrintErrors(CliEnvironment env, IReadOnlyList<ImportError> errors)
    {
        foreach (var error in errors.Take(ErrorsShown))
        {
            env.WriteError(error.ToString());
        }

        if (errors.Count > ErrorsShown)
        {
            env.WriteError(string.Create(CultureInfo.InvariantCulture, $"... and {errors.Count - ErrorsShown} more"));
        }
    }
}
