namespace Marsad.Bench;

/// <summary>Reads <c>--name value</c> options of a benchmark.</summary>
internal static class BenchArgs
{
    public static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    /// <summary>The shared evaluation data: <c>--data</c>, else <c>../shared/data</c> from the repository root or the current folder.</summary>
    public static string SharedData(string[] args)
    {
        var given = Option(args, "--data", string.Empty);
        if (given.Length > 0)
        {
            return given;
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data");
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new DirectoryNotFoundException("no ../shared/data: pass --data PATH");
    }
}
