using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Marsad.Cli.Output;
using Marsad.Core.Documents;
using Marsad.Core.Ids;
using Marsad.Core.Storage;
using Marsad.Extraction;
using Marsad.Domain.Documents;
using Marsad.Core.Storage.Json;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad documents list|show|set-date</c>: what has been ingested, and the date a document did not state.</summary>
public static class DocumentsCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var command = new Command("documents", "List stored documents or show one");
        command.Subcommands.Add(CreateList(globals, env));
        command.Subcommands.Add(CreateShow(globals, env));
        command.Subcommands.Add(CreateSetDate(globals, env));
        return command;
    }

    private static Command CreateList(GlobalOptions globals, CliEnvironment env)
    {
        var limit = new Option<int>("--limit") { Description = "How many documents at most", DefaultValueFactory = _ => 100 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var list = new Command("list", "List stored documents, oldest publication first") { limit, json };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--limit must be at least 1");
            }
        });
        list.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var documents = await store.Documents.ListAsync(result.GetValue(limit), 0, cancellationToken);
            if (result.GetValue(json))
            {
                env.WriteLine(JsonSerializer.Serialize(documents, MarsadJson.Indented));
            }
            else
            {
                var total = await store.Documents.CountAsync(cancellationToken);
                env.Out.Write(DocumentTable.Of(documents, await CliIds.ShortAsync(store, IdKind.Document, documents.Select(d => d.Id), cancellationToken)));
                env.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{documents.Count} of {total} documents"));
            }

            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command CreateShow(GlobalOptions globals, CliEnvironment env)
    {
        var id = new Argument<string>("id") { Description = "Document id, or a prefix (6+ characters) of its id or text SHA-256" };
        var json = new Option<bool>("--json") { Description = "Print JSON (metadata and clean text)" };
        var show = new Command("show", "Show one document's metadata and clean text") { id, json };
        show.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var key = result.GetValue(id)!;
            Document? document;
            try
            {
                document = await store.FindDocumentAsync(key, cancellationToken);
            }
            catch (AmbiguousIdException ex)
            {
                env.WriteError(ex.Message);
                return ExitCodes.SomeInputsFailed;
            }

            if (document is null)
            {
                env.WriteError($"no document matches '{key}' (give the id shown by 'documents list', or 6 or more characters of its id or SHA-256)");
                return ExitCodes.SomeInputsFailed;
            }

            if (result.GetValue(json))
            {
                env.WriteLine(JsonSerializer.Serialize(
                    new { document.Id, document.Title, document.Published, Source = document.SourceName, document.Url, document.Language, document.MediaType, document.Origin, document.TextSha256, document.OriginalSha256, document.ReceivedAt, document.CleanText },
                    MarsadJson.Indented));
                return ExitCodes.Ok;
            }

            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("[bold]id[/]", document.Id.ToString());
            grid.AddRow("[bold]title[/]", Markup.Escape(document.Title ?? "—"));
            grid.AddRow("[bold]published[/]", document.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—");
            grid.AddRow("[bold]source[/]", Markup.Escape(document.SourceName ?? "—"));
            grid.AddRow("[bold]origin[/]", Markup.Escape(document.Origin));
            grid.AddRow("[bold]sha256[/]", document.TextSha256);
            env.Out.Write(grid);
            env.WriteLine("");
            env.WriteLine(document.CleanText);
            return ExitCodes.Ok;
        });
        return show;
    }

    private static Command CreateSetDate(GlobalOptions globals, CliEnvironment env)
    {
        var id = new Argument<string>("id") { Description = "Document id, or a prefix (6+ characters) of its id or text SHA-256" };
        var date = new Argument<DateOnly>("date") { Description = "Its publication date (YYYY-MM-DD)", CustomParser = r => CliParsers.Date(r) ?? default };
        var reason = new Option<string>("--reason") { Description = "Why this date (where it was found); kept in the audit trail", Required = true };
        var setDate = new Command("set-date", "Give a document the publication date it does not state, as a revision, and read it again: "
            + "unreviewed candidates take the dates it resolves, reviewed records get proposals") { id, date, reason };
        setDate.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            if (await CliIds.ResolveAsync(store, env, IdKind.Document, result.GetValue(id)!, cancellationToken) is not { } documentId)
            {
                return ExitCodes.SomeInputsFailed;
            }

            var why = result.GetValue(reason)!;
            if (string.IsNullOrWhiteSpace(why))
            {
                env.WriteError("--reason must say why this date (where it was found)");
                return ExitCodes.UsageError;
            }

            var outcome = await new SetDocumentDate(store, Engines.Create(), EngineVersion.Current)
                .RunAsync(documentId, result.GetValue(date), new ChangeContext(globals.UserName(result, env), why), cancellationToken);
            var before = outcome.Before?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none";
            env.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Document {documentId:D} published {outcome.Published:yyyy-MM-dd} (was {before}); read again: {outcome.Reread.Refreshed} unreviewed candidates refreshed, {outcome.Reread.Added} new candidates, {outcome.Reread.Proposed} changes to reviewed records kept as proposals."));
            return ExitCodes.Ok;
        });
        return setDate;
    }
}
