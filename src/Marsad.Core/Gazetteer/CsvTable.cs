using System.Text;

namespace Marsad.Core.Gazetteer;

/// <summary>
/// A CSV file read whole (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks) with its
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
        var text = File.ReadAllText(path, Encoding.UTF8);
        var records = Parse(text);
        if (records.Count == 0)
        {
            throw new InvalidDataException($"{path}: no header line");
        }

        return new CsvTable([.. records[0]], records.Skip(1).Where(r => r.Length > 1 || r[0].Length > 0).ToList());
    }

    private static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else if (c != '\uFEFF' || i > 0)
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }
}
