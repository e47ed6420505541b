namespace Marsad.Extraction.Geography;

/// <summary>
/// Where the gazetteer files are. Shipped data: <c>MARSAD_DATA</c> (a folder holding <c>gazetteer/</c>),
/// else <c>data/gazetteer</c> next to the running assembly (the build copies it there), else the first
/// <c>data/gazetteer</c> found walking up from the current directory. User places: <c>MARSAD_GAZETTEER</c>,
/// else <c>$MARSAD_HOME/user-places.tsv</c> with <c>MARSAD_HOME</c> defaulting to <c>~/.marsad</c>.
/// </summary>
public static class GazetteerLocator
{
    public const string UserPlacesFileName = "user-places.tsv";

    public static string ShippedDirectory(Func<string, string?>? getVariable = null)
    {
        var fromEnvironment = (getVariable ?? Environment.GetEnvironmentVariable)("MARSAD_DATA");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.Combine(fromEnvironment, "gazetteer");
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "data", "gazetteer");
        if (File.Exists(Path.Combine(beside, GazetteerFiles.PlacesFileName)))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "gazetteer");
            if (File.Exists(Path.Combine(candidate, GazetteerFiles.PlacesFileName)))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"no shipped gazetteer: set MARSAD_DATA or run `marsad gazetteer build` (looked for data/gazetteer/{GazetteerFiles.PlacesFileName})");
    }

    public static string UserPlacesFile(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var fromEnvironment = getVariable("MARSAD_GAZETTEER");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        var home = getVariable("MARSAD_HOME");
        if (string.IsNullOrWhiteSpace(home))
        {
            home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".marsad");
        }

        return Path.Combine(home, UserPlacesFileName);
    }

    /// <summary>The shipped gazetteer with the user's places.</summary>
    public static Gazetteer LoadDefault(Func<string, string?>? getVariable = null) =>
        Gazetteer.Load(ShippedDirectory(getVariable), UserPlacesFile(getVariable));
}
