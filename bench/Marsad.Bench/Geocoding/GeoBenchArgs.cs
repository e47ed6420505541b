using Marsad.Extraction.Geography;

namespace Marsad.Bench.Geocoding;

/// <summary>Options of the geocoding benchmarks: <c>--name value</c>, the shared evaluation data, the gazetteer to measure.</summary>
internal static class GeoBenchArgs
{
    public static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    /// <summary>
    /// The gazetteer to measure: <c>--gazetteer DIR</c>, else the repository's <c>data/gazetteer</c> found from the
    /// current folder (fresher than the copy the build put beside the binary), else the usual lookup.
    /// </summary>
    public static string GazetteerDirectory(string[] args)
    {
        var given = Option(args, "--gazetteer", string.Empty);
        if (given.Length > 0)
        {
            return given;
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "gazetteer");
            if (File.Exists(Path.Combine(candidate, GazetteerFiles.PlacesFileName)))
            {
                return candidate;
            }
        }

        return GazetteerLocator.ShippedDirectory();
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
