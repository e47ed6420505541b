using CsvHelper;

namespace Marsad.Core.Gazetteer;

/// <summary>
/// A CSV file read whole with CsvHelper (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks) with its
/// header, for the reference sources the gazetteer is built from. Rows are looked up by column name.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> columns;

    private CsvTable(List<string> header, List<string[]> rows)
    {
        columns = header.Select((name, i) => (name.Trim(), i)).ToDictionary(c => c.Item1, c => c.i, StringComparer.OrdinalIgnoreCase);
        Rows = rows;
    }

    public IReadOnlyList<string[]> Rows { get; }

    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>The field of <paramref name="row"/> under <paramref name="column"/>, "" when the row is short or the column absent.</summary>
    public string Get(string[] row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        return columns.TryGetValue(column, out var i) && i < row.Length ? row[i].Trim() : string.Empty;
    }

    public static CsvTable Read(string path)
    {
        // CsvHelper reads RFC 4180 (quoted commas, doubled quotes, line breaks), CRLF or LF and a byte order mark.
        using var csv = CsvReader.Create(File.OpenRead(path), CsvReaderOptions.Default with { HasHeader = false, SkipEmptyLines = true }, leaveOpen: false);
        var records = new List<string[]>();
        while (csv.Read())
        {
            var record = new string[csv.FieldCount];
            for (var f = 0; f < record.Length; f++)
            {
                record[f] = csv.GetString(f);
            }

            records.Add(record);
        }

        if (records.Count == 0)
        {
            throw new InvalidDataException($"{path}: no header line");
        }

        records[0][0] = records[0][0].TrimStart('\uFEFF');
        return new CsvTable([.. records[0]], records.Skip(1).Where(r => r.Length > 1 || r[0].Length > 0).ToList());
    }
}
