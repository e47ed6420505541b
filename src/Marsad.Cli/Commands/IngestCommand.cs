using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Marsad.Cli.Output;
using Marsad.Core.Intake;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad ingest PATH...</c>: store report files, folders and feed files as documents.</summary>
public static class IngestCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var paths = new Argument<string[]>("paths") { Description = "Report files (.txt, .md, .html), folders (read recursively) and RSS/Atom feed files", Arity = ArgumentArity.OneOrMore };
        var published = new Option<DateOnly?>("--published") { Description = "Publication date (YYYY-MM-DD) for inputs that do not state one", CustomParser = CliParsers.Date };
        var source = new Option<string?>("--source") { Description = "Source name (outlet, network) for inputs that do not name one" };
        var json = new Option<bool>("--json") { Description = "Print the outcome of every input as JSON instead of a summary" };
        var noExtract = new Option<bool>("--no-extract") { Description = "Store documents only; do not propose events, claims, persons and allegations from them" };
        var command = new Command("ingest", "Store reports as documents: each once, whole or not at all")
        {
            paths, published, source, json, noExtract,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var request = new IngestRequest(result.GetValue(paths)!, result.GetValue(published), result.GetValue(source));
            var context = new ChangeContext(globals.UserName(result, env), "ingest");
            var engine = result.GetValue(noExtract) ? null : Engines.Create();
            var summary = await IngestRunner.RunAsync(new IngestDocuments(store, env.Time, engine), request, context, env, cancellationToken);
            // Said on standard error whatever the output form: a document with no publication date leaves the dates that
            // need one unresolved, and the coder should know which documents to date (documents set-date).
            foreach (var outcome in summary.Outcomes.Where(o => o.Undated && o.Status == IngestStatus.Stored))
            {
                var dates = outcome.UnresolvedDates > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{outcome.UnresolvedDates} event dates left unresolved (date null)")
                    : "dates that need one stay unresolved";
                env.Error.WriteLine($"marsad: note: {outcome.Origin}: no publication date in the document; {dates}: give --published YYYY-MM-DD or run 'marsad documents set-date {outcome.DocumentId:D} YYYY-MM-DD --reason …'");
            }

            if (result.GetValue(json))
            {
                env.WriteLine(JsonSerializer.Serialize(new { summary.Stored, summary.AlreadyPresent, summary.Failed, summary.Outcomes }, MarsadJson.Indented));
            }
            else
            {
                env.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stored {summary.Stored}, already present {summary.AlreadyPresent}, failed {summary.Failed} — database {store.Target.Display}"));
                if (engine is not null)
                {
                    env.WriteLine($"Proposed for review: {summary.Proposed}");
                }
            }

            return summary.Failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
        });
        return command;
    }
}
