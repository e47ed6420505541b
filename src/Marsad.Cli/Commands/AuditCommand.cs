using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Marsad.Core.Audit;
using Marsad.Core.Storage.Json;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad audit verify</c>: check that no revision, and no record, was changed behind Marsad's back;
/// <c>audit keygen</c> / <c>audit anchor</c>: sign the chain's head into a file kept outside the database.
/// </summary>
public static class AuditCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var command = new Command("audit", "The audit trail of every change");
        command.Subcommands.Add(Verify(globals, env));
        command.Subcommands.Add(Keygen(env));
        command.Subcommands.Add(Anchor(globals, env));
        return command;
    }

    private static Command Verify(GlobalOptions globals, CliEnvironment env)
    {
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var anchors = new Option<string?>("--anchors") { Description = "A folder of anchors (from 'audit anchor'): the chain must extend every one" };
        var trusted = new Option<string?>("--anchor-key") { Description = "The editor's public key (base64): anchors signed by any other key fail" };
        var verify = new Command("verify", "Walk the revision chain, recompute every hash, compare every stored row with what the chain sealed, and name each failure") { json, anchors, trusted };
        verify.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var verification = await store.Audit.VerifyAsync(null, cancellationToken);
            if (result.GetValue(anchors) is { } folder)
            {
                var anchorFailures = await new AuditAnchors(store, env.Time).CheckAsync(Path.GetFullPath(folder), result.GetValue(trusted), cancellationToken);
                IReadOnlyList<AuditFailure> all = [.. anchorFailures, .. verification.Failures];
                verification = verification with { FirstFailure = all.FirstOrDefault() };
                verification = verification with { Failures = all };
            }

            if (result.GetValue(json))
            {
                env.WriteLine(JsonSerializer.Serialize(verification, MarsadJson.Indented));
            }
            else if (verification.Ok)
            {
                env.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Audit chain verified: {verification.Checked} revisions; head {verification.HeadHash}"));
            }

            foreach (var failure in verification.Failures)
            {
                var where = failure.EntityType == "anchor" ? "anchor" : failure.Sequence > 0 ? $"revision {failure.Sequence}" : "a row without revision";
                env.WriteError(string.Create(CultureInfo.InvariantCulture, $"audit chain broken at {where} ({failure.EntityType} {failure.EntityId}): {failure.Problem}"));
            }

            return verification.Ok ? ExitCodes.Ok : ExitCodes.CannotRun;
        });
        return verify;
    }

    private static Command Keygen(CliEnvironment env)
    {
        var output = new Argument<string>("KEYFILE") { Description = "Where to write the private key (never overwritten; keep it off the server)" };
        var keygen = new Command("keygen", "Create the editor's Ed25519 key for signing anchors; prints the public key to publish") { output };
        keygen.SetAction(result =>
        {
            var key = AnchorKey.Generate();
            key.Save(Path.GetFullPath(result.GetValue(output)!));
            env.WriteLine($"Public key (publish it; 'audit verify --anchor-key' checks anchors against it): {key.PublicKeyText}");
            return ExitCodes.Ok;
        });
        return keygen;
    }

    private static Command Anchor(GlobalOptions globals, CliEnvironment env)
    {
        var keyFile = new Option<string>("--key") { Description = "The private key from 'audit keygen'", Required = true };
        var folder = new Option<string>("--out") { Description = "Folder to write the anchor file to (publish or mail it)", DefaultValueFactory = _ => "anchors" };
        var anchor = new Command("anchor", "Verify the chain and write a signed checkpoint of its head (count, hash, time)") { keyFile, folder };
        anchor.SetAction(async (result, cancellationToken) =>
        {
            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var key = AnchorKey.Load(Path.GetFullPath(result.GetValue(keyFile)!));
            var (written, file) = await new AuditAnchors(store, env.Time).WriteAsync(Path.GetFullPath(result.GetValue(folder)!), key, cancellationToken);
            env.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Anchor written: {file} ({written.Count} revisions; head {written.HeadHash})"));
            return ExitCodes.Ok;
        });
        return anchor;
    }
}
