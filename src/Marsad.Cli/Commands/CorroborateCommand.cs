using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Marsad.Core.Corroboration;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad corroborate</c>: link the reports of one incident into one event and grade every event; <c>corroborate undo ID</c> takes a merge back.</summary>
public static class CorroborateCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var json = new Option<bool>("--json") { Description = "Print every merge and its reasons as JSON" };
        var command = new Command("corroborate", "Merge events that several documents report into one, with reasons, and grade every event from its sources") { json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var outcome = await new CorroborateEvents(store, new CorroborationOptions()).RunAsync(new ChangeContext(globals.UserName(result, env), "corroborate"), cancellationToken);
            if (result.GetValue(json))
            {
                env.WriteLine(JsonSerializer.Serialize(outcome, MarsadJson.Indented));
            }
            else
            {
                foreach (var merge in outcome.Merges)
                {
                    env.WriteLine($"{merge.Into}: merged {string.Join(", ", merge.Merged)} ({merge.Reason})");
                }

                env.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Merged {outcome.Merges.Sum(m => m.Merged.Count)} events into {outcome.Merges.Count}; graded {outcome.Graded}; compared {outcome.ComparedPairs} pairs; skipped {outcome.SkippedForConflicts} groups edited meanwhile."));
            }

            return ExitCodes.Ok;
        });
        command.Subcommands.Add(CreateUndo(globals, env));
        return command;
    }

    private static Command CreateUndo(GlobalOptions globals, CliEnvironment env)
    {
        var id = new Argument<string>("event") { Description = "Id of an event that was merged into another (the short id shown, or 6+ characters of it)" };
        var reason = new Option<string?>("--reason") { Description = "Why the merge was wrong (kept in the audit trail)" };
        var undo = new Command("undo", "Undo a merge: the event stands on its own again") { id, reason };
        undo.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            if (await CliIds.ResolveAsync(store, env, Core.Ids.IdKind.Event, result.GetValue(id)!, cancellationToken) is not { } eventId)
            {
                return ExitCodes.SomeInputsFailed;
            }

            try
            {
                var into = await new UndoMerge(store, new CorroborationOptions()).RunAsync(eventId, new ChangeContext(globals.UserName(result, env), result.GetValue(reason)), cancellationToken);
                env.WriteLine($"Event {result.GetValue(id)} no longer merged into {into}.");
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is RecordNotFoundException or InvalidOperationException or ConcurrencyConflictException)
            {
                env.WriteError(ex.Message);
                return ExitCodes.SomeInputsFailed;
            }
        });
        return undo;
    }
}
