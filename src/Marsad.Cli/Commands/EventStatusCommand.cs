using System.CommandLine;
using Marsad.Core.Access;
using Marsad.Core.Ids;
using Marsad.Core.Records;
using Marsad.Core.Review;
using Marsad.Core.Storage;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad events status ID… --to verified|published|withdrawn|rejected [--reason R]</c>: an editor moves events along.
/// Each event is its own revision(s); one that cannot move is named and the others still move.
/// </summary>
internal static class EventStatusCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var ids = new Argument<string[]>("ID") { Description = "Events: the short id shown by 'marsad events', or 6+ characters of it", Arity = ArgumentArity.OneOrMore };
        var to = new Option<string>("--to") { Description = "verified, published, withdrawn (published → verified), rejected, or reviewed/extracted to reopen", Required = true };
        to.AcceptOnlyFromAmong("verified", "published", "withdrawn", "rejected", "reviewed", "extracted");
        var reason = new Option<string?>("--reason") { Description = "Why (kept in the audit trail)" };
        var role = new Option<Role>("--role") { Description = "Your role; moving events needs editor or admin", DefaultValueFactory = _ => Role.Editor };
        var command = new Command("status", "Verify, publish, withdraw or reject events (editors)") { ids, to, reason, role };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(role) < Role.Editor)
            {
                env.WriteError("moving events along needs the editor role or above");
                return ExitCodes.UsageError;
            }

            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var move = new SetEventStatus(store);
            var context = new ChangeContext(globals.UserName(result, env), result.GetValue(reason));
            var failed = 0;
            var typed = result.GetValue(ids)!;
            foreach (var key in typed)
            {
                if (await CliIds.ResolveAsync(store, env, IdKind.Event, key, cancellationToken) is not { } id)
                {
                    failed++;
                    continue;
                }

                try
                {
                    var current = (await store.Records.GetAsync<Domain.Events.ConflictEvent>(id, cancellationToken))!.Value.Status;
                    var target = SetEventStatus.Target(result.GetValue(to)!, current) ?? throw new ArgumentException($"event {key} is {current.ToString().ToLowerInvariant()}, not published: nothing to withdraw");
                    await move.RunAsync(id, target, null, context, cancellationToken);
                    env.WriteLine($"{key}: {current.ToString().ToLowerInvariant()} → {target.ToString().ToLowerInvariant()}");
                }
                catch (Exception ex) when (ex is ArgumentException or RecordNotFoundException or ConcurrencyConflictException)
                {
                    failed++;
                    env.WriteError($"{key}: {ex.Message}");
                }
            }

            env.WriteLine($"Moved {typed.Length - failed} of {typed.Length} events.");
            return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
        });
        return command;
    }
}
