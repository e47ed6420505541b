using System.Diagnostics;
using System.Globalization;
using Marsad.Core.Extract;

namespace Marsad.Cli.Output;

/// <summary>
/// One self-overwriting progress line on standard error for a terminal: records, megabytes and rate,
/// redrawn at most four times a second so that drawing never costs what extraction does.
/// </summary>
internal sealed class JsonlProgressLine(CliEnvironment env) : IProgress<JsonlProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last = TimeSpan.Zero;

    public void Report(JsonlProgress value)
    {
        if (_clock.Elapsed - _last >= Interval)
        {
            _last = _clock.Elapsed;
            env.Error.Write($"\r{Line(value)}");
        }
    }

    public void Finish(JsonlProgress value) => env.Error.WriteLine($"\r{Line(value)} done");

    private string Line(JsonlProgress p)
    {
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var mb = p.Bytes / 1e6;
        return string.Create(CultureInfo.InvariantCulture, $"extract: {p.Records} records ({p.WithErrors} with errors), {mb:0.0} MB, {mb / seconds:0.0} MB/s");
    }
}
