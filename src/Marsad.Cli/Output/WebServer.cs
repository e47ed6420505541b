using Marsad.Core.Storage;
using Marsad.Web;
using Microsoft.Extensions.Hosting;

namespace Marsad.Cli.Output;

/// <summary>Runs the dashboard for <c>serve</c> and <c>demo</c> until Ctrl+C (or the command is cancelled).</summary>
internal static class WebServer
{
    public static async Task<int> RunAsync(IMarsadStore store, IReadOnlyList<string> urls, CliEnvironment env, CancellationToken cancellationToken, bool readOnly = false)
    {
        var app = MarsadWebApp.Build(new MarsadWebOptions { Database = store.Target, Urls = urls, Time = env.Time, ReadOnly = readOnly }, store);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            env.WriteError($"cannot listen on {string.Join(", ", urls)}: {ex.Message}");
            return ExitCodes.CannotRun;
        }

        foreach (var address in MarsadWebApp.Addresses(app))
        {
            env.WriteLine($"Marsad dashboard{(readOnly ? " (read-only)" : "")}: {address}/  (API {address}/api/events, OpenAPI {address}/openapi/v1.json; Ctrl+C to stop)");
        }

        try
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop below and exit normally.
        }

        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        return ExitCodes.Ok;
    }
}
