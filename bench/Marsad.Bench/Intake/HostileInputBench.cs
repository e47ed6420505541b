using System.Diagnostics;
using System.Globalization;
using Marsad.Tests.Support;

namespace Marsad.Bench.Intake;

/// <summary>
/// <c>hostile-input [--marsad PATH] [--limit-seconds 10] [--limit-mb 500]</c>: each hostile input of issue 15 (made
/// by <see cref="HostileInputs"/>, the same bytes the bounded-input tests use) given to a cold <c>marsad</c> process, as
/// a user would: <c>ingest</c> into a new database, or <c>extract</c>. Prints wall seconds and the process's peak RSS
/// (VmHWM read from /proc every 5 ms while it runs: the high-water mark only grows, so the last reading is the peak),
/// the exit code and the first line it printed on standard error. Fails when an input is over either limit.
/// </summary>
internal static class HostileInputBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var marsad = options.String("--marsad") ?? Path.Combine(RepositoryRoot(), "src/Marsad.Cli/bin/Release/net10.0/marsad");
        var limitSeconds = options.Int("--limit-seconds", 10);
        var limitMb = options.Int("--limit-mb", 500);
        if (!File.Exists(marsad))
        {
            Console.Error.WriteLine($"hostile-input: {marsad} not found: build it first (dotnet build src/Marsad.Cli -c Release) or give --marsad PATH");
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("marsad-hostile-");
        try
        {
            Console.WriteLine($"hostile-input: {marsad}, one cold process per input, limits {limitSeconds} s and {limitMb} MB");
            Console.WriteLine($"{"input",-22} {"MB",6} {"command",-14} {"wall s",7} {"peak MB",8} {"exit",4}  stderr (first line)");
            var over = 0;
            foreach (var input in HostileInputs.All)
            {
                var path = HostileInputs.Write(input, folder.FullName);
                var db = Path.Combine(folder.FullName, input.Name + ".db");
                string[] command = input.Command switch
                {
                    "ingest" => ["--db", db, "ingest", path],
                    "extract" => ["extract", path],
                    _ => ["extract", "--jsonl", path, "--out", Path.Combine(folder.FullName, input.Name + ".out.jsonl")],
                };
                var (seconds, peakMb, exit, stderr) = await MeasureAsync(marsad, command, TimeSpan.FromSeconds(limitSeconds * 6));
                var mb = new FileInfo(path).Length / (1024.0 * 1024);
                var bad = seconds > limitSeconds || peakMb > limitMb || exit is null;
                over += bad ? 1 : 0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{input.Name,-22} {mb,6:0.00} {input.Command,-14} {seconds,7:0.00} {peakMb,8:0} {(exit?.ToString(CultureInfo.InvariantCulture) ?? "kill"),4}  {stderr}{(bad ? "  OVER LIMIT" : "")}"));
                File.Delete(path);
            }

            Console.WriteLine($"inputs: {HostileInputs.All.Count}, over the limits: {over}");
            return over == 0 ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(double Seconds, double PeakMb, int? Exit, string Stderr)> MeasureAsync(string marsad, string[] arguments, TimeSpan kill)
    {
        var start = new ProcessStartInfo(marsad) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var stderr = process.StandardError.ReadToEndAsync();
        long peakKb = 0;
        var statusPath = $"/proc/{process.Id}/status";
        while (!process.HasExited)
        {
            peakKb = Math.Max(peakKb, ReadHighWaterKb(statusPath));
            if (clock.Elapsed > kill)
            {
                process.Kill(entireProcessTree: true);
                break;
            }

            await Task.Delay(5);
        }

        await process.WaitForExitAsync();
        clock.Stop();
        await stdout;
        var error = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => !l.StartsWith("ingest: ", StringComparison.Ordinal)) ?? "";
        var exit = clock.Elapsed > kill ? (int?)null : process.ExitCode;
        return (clock.Elapsed.TotalSeconds, peakKb / 1024.0, exit, error.Length > 110 ? error[..110] + "…" : error);
    }

    // "VmHWM:   123456 kB"; 0 once the process is gone (the last reading before it exits stands).
    private static long ReadHighWaterKb(string statusPath)
    {
        try
        {
            foreach (var line in File.ReadLines(statusPath))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        return 0;
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marsad.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
