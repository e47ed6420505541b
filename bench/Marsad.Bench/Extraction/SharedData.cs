using CsvHelper;

namespace Marsad.Bench.Extraction;

/// <summary>Finds the evaluation data (../shared, or MARSAD_SHARED) and reads its CSV files at run time; nothing is copied.</summary>
internal static class SharedData
{
    public static string Root { get; } = Locate();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { HasHeader = false }, false);
        // The first record is the header row.
        if (!csv.Read())
        {
            return [];
        }

        var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length && i < csv.FieldCount; i++)
            {
                row[header[i]] = csv.GetString(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("MARSAD_SHARED") is { Length: > 0 } env)
        {
            return env;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "data")))
            {
                return candidate;
            }

            candidate = Path.Combine(dir.FullName, "..", "shared");
            if (Directory.Exists(Path.Combine(candidate, "data")))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new DirectoryNotFoundException("evaluation data not found: set MARSAD_SHARED to the shared folder (with data/ and seed/)");
    }
}
