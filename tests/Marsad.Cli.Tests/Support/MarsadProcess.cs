using System.Diagnostics;

namespace Marsad.Cli.Tests.Support;

/// <summary>Runs the built <c>marsad</c> as a child process, as a user would, with its output captured.</summary>
internal static class MarsadProcess
{
    /// <summary>Run as root without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH: file modes then bind root too.</summary>
    public const string WithoutFileCapabilities = "root-without-file-capabilities";

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "marsad.dll");

    public static ProcessStartInfo StartInfo(IEnumerable<string> args, string workingDirectory, string? runAsUser = null)
    {
        var info = new ProcessStartInfo
        {
            FileName = runAsUser is null ? "dotnet" : "setpriv",
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAsUser is not null)
        {
            // Root keeps its own identity (so it can still reach the build output wherever the clone lives, even
            // inside a 0700 folder) but loses the capabilities that let it ignore file modes.
            var setpriv = runAsUser == WithoutFileCapabilities
                ? new[] { "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--", FindDotnet() }
                : new[] { $"--reuid={runAsUser}", $"--regid={runAsUser}", "--clear-groups", "--", FindDotnet() };
            foreach (var arg in setpriv)
            {
                info.ArgumentList.Add(arg);
            }

            if (runAsUser != WithoutFileCapabilities)
            {
                info.Environment["HOME"] = workingDirectory;
                info.Environment["DOTNET_CLI_HOME"] = workingDirectory;
            }
        }

        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["MARSAD_USER"] = "test-runner";
        info.Environment.Remove("MARSAD_DB");
        return info;
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, params string[] args) =>
        await RunAsAsync(null, workingDirectory, args);

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsAsync(string? user, string workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo(args, workingDirectory, user))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string FindDotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
