namespace Marsad.Tests.Support;

/// <summary>
/// The evaluation data in <c>../shared</c> beside the repository (the seed report, the dev reports, ACLED): never
/// copied into the repository, present on CI, absent from a user's clone. A test that needs it calls
/// <see cref="Require"/> first and is reported as skipped (with the folder it looked for) when it is absent.
/// </summary>
public static class SharedData
{
    /// <summary>The repository root: the first folder above the test binaries holding Marsad.slnx.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marsad.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException($"no Marsad.slnx above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>The full path of <c>../shared</c> beside the repository.</summary>
    public static string Folder => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    /// <summary>
    /// The full path of a file or folder under <c>../shared</c> (e.g. <c>seed/coalition-76th-month.txt</c>); skips the
    /// calling test, naming what is missing, when it is absent.
    /// </summary>
    public static string Require(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(Folder, relativePath));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Skip($"evaluation data not found: {path} (the ../shared folder beside the repository; present on CI, never copied into it)");
        }

        return path;
    }

    /// <summary>The seed report, <c>../shared/seed/coalition-76th-month.txt</c>.</summary>
    public static string SeedReport => Require(Path.Combine("seed", "coalition-76th-month.txt"));
}
