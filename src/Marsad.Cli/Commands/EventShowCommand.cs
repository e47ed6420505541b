using System.CommandLine;
using Marsad.Core.Access;
using Marsad.Core.Exchange;
using Marsad.Core.Ids;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad events show ID…</c>: events by the short id a table printed (or any unique prefix), as JSON, as a role sees them.</summary>
internal static class EventShowCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var ids = new Argument<string[]>("ID") { Description = "Events: the short id shown by 'marsad events', or 6+ characters of it", Arity = ArgumentArity.OneOrMore };
        var role = new Option<Role>("--role") { Description = "Whose view (public sees published events only)", DefaultValueFactory = _ => Role.Editor };
        var command = new Command("show", "Show events with their sources, as JSON") { ids, role };
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var found = new List<Core.Events.EventListItem>();
            var failed = 0;
            foreach (var key in result.GetValue(ids)!)
            {
                if (await CliIds.ResolveAsync(store, env, IdKind.Event, key, cancellationToken) is not { } id)
                {
                    failed++;
                }
                else if (await store.Events.FindAsync(id, result.GetValue(role), cancellationToken) is { } item)
                {
                    found.Add(item);
                }
                else
                {
                    failed++;
                    env.WriteError($"{key}: not an event this role may see");
                }
            }

            var writer = env.Out.Profile.Out.Writer;
            EventExporter.Write(writer, found, EventExportFormat.Json);
            writer.Flush();
            return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
        });
        return command;
    }
}
