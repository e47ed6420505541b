using Marsad.Core.Ids;
using System.CommandLine;
using System.Globalization;
using Marsad.Cli.Output;
using Marsad.Core.Extract;
using Marsad.Core.Storage;
using Marsad.Extraction;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad reextract [--document ID]</c>: read stored documents again with this engine; reviewed records are never overwritten.</summary>
public static class ReextractCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var document = new Option<string?>("--document") { Description = "Only this document (id or 6+ characters of its id or SHA-256)" };
        var command = new Command("reextract", $"Extract again every document this engine ({EngineVersion.Current}) has not read; what it would change in reviewed records is kept as proposals") { document };
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            Guid? only = null;
            if (result.GetValue(document) is { } key)
            {
                if (await store.FindDocumentAsync(key, cancellationToken) is not { } found)
                {
                    env.WriteError($"no single document matches '{key}'");
                    return ExitCodes.UsageError;
                }

                only = found.Id;
            }

            var outcome = await new ReextractDocuments(store, Engines.Create(), EngineVersion.Current).RunAsync(new ChangeContext(globals.UserName(result, env)), only, cancellationToken);
            env.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Re-extracted {outcome.Documents} documents with engine {EngineVersion.Current}: {outcome.Added} new candidates, {outcome.Refreshed} unreviewed candidates refreshed, {outcome.Proposed} changes to reviewed records kept as proposals."));
            return ExitCodes.Ok;
        });
        return command;
    }
}
