using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Marsad.Cli.Output;
using Marsad.Core.Extract.Workers;
using Marsad.Core.Storage;
using Marsad.Extraction;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad worker [--lease 60s] [--batch N] [--once]</c>: one of several processes reading stored documents into the
/// record side by side (PostgreSQL); on SQLite one worker at a time does the same work. The work is the Core use case
/// <see cref="ExtractionWorker"/>; this host parses options and prints progress to stderr.
/// </summary>
public static class WorkerCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment env)
    {
        var lease = new Option<TimeSpan>("--lease") { Description = "How long a claimed document stays this worker's before another may take it over (e.g. 60s, 5m)", DefaultValueFactory = _ => TimeSpan.FromSeconds(60), CustomParser = Duration };
        var batch = new Option<int>("--batch") { Description = "How many documents to claim at a time", DefaultValueFactory = _ => 20 };
        var once = new Option<bool>("--once") { Description = "Exit when no document is left to read, instead of waiting for new ones" };
        var name = new Option<string?>("--name") { Description = "This worker's name on its leases (default: host, process id and a random suffix)" };
        var command = new Command("worker", $"Read stored documents no engine has read yet with this engine ({EngineVersion.Current}), alongside other workers on the same PostgreSQL database") { lease, batch, once, name };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(batch) < 1)
            {
                env.WriteError("--batch must be at least 1");
                return ExitCodes.UsageError;
            }

            var store = await globals.OpenStoreAsync(result, env, cancellationToken);
            var options = new WorkerOptions(result.GetValue(name) ?? WorkerOptions.DefaultId(), result.GetValue(lease), result.GetValue(batch), result.GetValue(once),
                TimeSpan.FromMilliseconds(Math.Clamp(result.GetValue(lease).TotalMilliseconds / 4, 200, 5000)));
            if (store.Target.Provider == DatabaseProvider.Sqlite)
            {
                env.Error.WriteLine("marsad worker: on SQLite workers take turns (one writer at a time); run several on PostgreSQL.");
            }

            var started = env.Time.GetTimestamp();
            var lastPrinted = started;
            var progress = new Reporter(p =>
            {
                if (env.Time.GetElapsedTime(lastPrinted) >= TimeSpan.FromSeconds(2) || p.Open == 0)
                {
                    lastPrinted = env.Time.GetTimestamp();
                    var open = p.Open >= 0 ? string.Create(CultureInfo.InvariantCulture, $", {p.Open} open") : "";
                    env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worker {p.WorkerId}: {p.Committed} documents read, {p.Lost} lost to other workers{open}"));
                }
            });
            var outcome = await new ExtractionWorker(store, Engines.Create(), EngineVersion.Current, env.Time)
                .RunAsync(options, new Core.Storage.ChangeContext(globals.UserName(result, env)), progress, cancellationToken);
            var seconds = env.Time.GetElapsedTime(started).TotalSeconds;
            env.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Worker {outcome.WorkerId} read {outcome.Committed} documents in {seconds:0.0} s ({(seconds > 0 ? outcome.Committed / seconds : 0):0.0}/s); {outcome.Lost} were taken over by other workers."));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A duration such as 90s, 5m, 1h or a plain number of seconds.</summary>
    private static TimeSpan Duration(ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : "";
        var unit = token.Length > 0 && char.IsLetter(token[^1]) ? token[^1] : 's';
        var digits = char.IsLetter(unit) && token.Length > 0 && char.IsLetter(token[^1]) ? token[..^1] : token;
        if (double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && unit is 's' or 'm' or 'h')
        {
            return unit switch { 'm' => TimeSpan.FromMinutes(value), 'h' => TimeSpan.FromHours(value), _ => TimeSpan.FromSeconds(value) };
        }

        result.AddError($"'{token}' is not a duration such as 60s, 5m or 1h");
        return TimeSpan.Zero;
    }

    /// <summary>Reports on the worker's own thread, as it happens (Progress&lt;T&gt; would post later, after the run).</summary>
    private sealed class Reporter(Action<WorkerProgress> report) : IProgress<WorkerProgress>
    {
        public void Report(WorkerProgress value) => report(value);
    }
}
