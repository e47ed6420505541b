namespace Marsad.Core.Intake;

/// <summary>
/// Expands the paths given to <c>marsad ingest</c> into input files: a file as named; a directory
/// recursively, taking report and feed files by extension and passing over hidden entries. A path that
/// cannot be read becomes a failed input naming the problem, and the rest go on.
/// </summary>
public static class InputEnumerator
{
    /// <summary>Extensions taken from directories; a file named explicitly is taken whatever its extension.</summary>
    public static IReadOnlySet<string> ReportExtensions { get; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".markdown", ".html", ".htm", ".xml", ".rss", ".atom" };

    public static (IReadOnlyList<string> Files, IReadOnlyList<IngestOutcome> Failures) Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        var failures = new List<IngestOutcome>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                Walk(Path.GetFullPath(path));
            }
            else
            {
                failures.Add(new IngestOutcome(path, IngestStatus.Failed, Problem: "no such file or directory"));
            }
        }

        return (files, failures);

        void Add(string file)
        {
            if (seen.Add(file))
            {
                files.Add(file);
            }
        }

        void Walk(string directory)
        {
            string[] entries;
            try
            {
                // Sorted so that a run, and its re-run after an interruption, meet inputs in the same order.
                entries = Directory.GetFileSystemEntries(directory);
                Array.Sort(entries, StringComparer.Ordinal);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                failures.Add(new IngestOutcome(directory, IngestStatus.Failed, Problem: ex is UnauthorizedAccessException ? "permission denied (cannot list directory)" : ex.Message));
                return;
            }

            foreach (var entry in entries)
            {
                if (Path.GetFileName(entry).StartsWith('.'))
                {
                    continue;
                }

                if (Directory.Exists(entry))
                {
                    if (new DirectoryInfo(entry).LinkTarget is null)
                    {
                        Walk(entry);
                    }
                }
                else if (ReportExtensions.Contains(Path.GetExtension(entry)))
                {
                    Add(entry);
                }
            }
        }
    }
}
