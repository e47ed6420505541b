using System.CommandLine;
using Marsad.Cli.Output;
using Marsad.Core.Storage;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad serve</c>: the web dashboard and JSON API over the database, on loopback unless told otherwise.</summary>
public static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var urls = new Option<string[]>("--urls")
        {
            Description = $"Addresses to listen on (default {DefaultUrl}: this machine only; put a TLS proxy in front before exposing it)",
            AllowMultipleArgumentsPerToken = true,
        };
        var readOnly = new Option<bool>("--read-only")
        {
            Description = "Serve reads only, without migrating (a streaming replica for the public site): writes get 405; the schema must already be this build's",
        };
        var command = new Command("serve", "Serve the web dashboard and the JSON API until Ctrl+C") { urls, readOnly };
        command.SetAction(async (result, cancellationToken) =>
        {
            var addresses = result.GetValue(urls) is { Length: > 0 } given ? given.SelectMany(u => u.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray() : [DefaultUrl];
            foreach (var address in addresses)
            {
                if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    env.WriteError($"--urls: '{address}' is not an http:// or https:// address");
                    return ExitCodes.UsageError;
                }
            }

            if (result.GetValue(readOnly))
            {
                // A hot standby refuses writes, a migration among them: check the schema instead of bringing it up to date.
                var replica = await globals.OpenStoreAsync(result, env, migrate: false, cancellationToken);
                await ReadOnlyServing.RequireCurrentSchemaAsync(replica, cancellationToken);
                return await WebServer.RunAsync(replica, addresses, env, cancellationToken, readOnly: true);
            }

            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            return await WebServer.RunAsync(store, addresses, env, cancellationToken);
        });
        return command;
    }
}
