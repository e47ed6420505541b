using System.Diagnostics;
using System.Globalization;

namespace Marsad.Bench;

/// <summary>A query timed as a warm cache sees it: one first run (cold, printed in brackets), then the median of the rest.</summary>
internal static class WarmTimings
{
    public static async Task<(double First, double Median)> TimeAsync(Func<Task> query, int runs)
    {
        var clock = Stopwatch.StartNew();
        await query();
        var first = clock.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            clock.Restart();
            await query();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (first, times[times.Count / 2]);
    }

    public static string Show((double First, double Median) t) => string.Create(CultureInfo.InvariantCulture, $"{t.Median:0.0} ({t.First:0})");
}
