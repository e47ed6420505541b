using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Marsad.Core.Storage.Json;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad audit verify</c>: check that no revision, and no record, was changed behind Marsad's back.</summary>
public static class AuditCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var verify = new Command("verify", "Walk the revision chain, recompute every hash, and name the first revision that does not verify") { json };
        verify.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var verification = await store.Audit.VerifyAsync(null, cancellationToken);
            if (result.GetValue(json))
            {
                env.WriteLine(JsonSerializer.Serialize(verification, MarsadJson.Indented));
            }
            else if (verification.Ok)
            {
                env.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Audit chain verified: {verification.Checked} revisions; head {verification.HeadHash}"));
            }

            if (verification.FirstFailure is { } failure)
            {
                var where = failure.Sequence > 0 ? $"revision {failure.Sequence}" : "a record without revision";
                env.WriteError(string.Create(CultureInfo.InvariantCulture, $"audit chain broken at {where} ({failure.EntityType} {failure.EntityId}): {failure.Problem}"));
                return ExitCodes.CannotRun;
            }

            return ExitCodes.Ok;
        });
        var command = new Command("audit", "The audit trail of every change");
        command.Subcommands.Add(verify);
        return command;
    }
}
