using Marsad.Core.Exchange.Csv;

namespace Marsad.Core.Exchange.Formats;

/// <summary>One row of a dataset file, read by column name; values have the formula guard of <see cref="CsvCellSafety"/> taken off.</summary>
public sealed class DatasetRow(IReadOnlyDictionary<string, int> header, string[] values, long number, long line)
{
    public long Number => number;

    public long Line => line;

    public IReadOnlyDictionary<string, int> Header => header;

    /// <summary>The column's value, "" when the row lacks it.</summary>
    public string this[string column] => header.TryGetValue(column, out var i) && i < values.Length ? values[i] : "";

    public IEnumerable<KeyValuePair<string, string>> Values => header.Select(h => new KeyValuePair<string, string>(h.Key, h.Value < values.Length ? values[h.Value] : ""));

    /// <summary>A problem with this row (and column, when one is to blame).</summary>
    public ImportError Error(string? column, string message) => new(number, line, column, message);
}

/// <summary>A row that could not be taken: which row and line of the file, which column, and why.</summary>
public sealed record ImportError(long Row, long Line, string? Column, string Message)
{
    public override string ToString() =>
        Row == 0 ? $"header: {Message}" : $"row {Row} (line {Line}){(Column is null ? "" : $", column {Column}")}: {Message}";
}
