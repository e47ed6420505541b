using System.Globalization;

namespace Marsad.Bench;

/// <summary>Reads "--name value" pairs for the benchmarks, with defaults.</summary>
internal sealed class BenchArgs(string[] args)
{
    public int Int(string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public string? String(string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
