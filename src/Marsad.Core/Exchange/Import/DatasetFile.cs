using System.Runtime.CompilerServices;
using CsvHelper;
using Marsad.Core.Exchange.Csv;
using Marsad.Core.Exchange.Formats;

namespace Marsad.Core.Exchange.Import;

/// <summary>
/// A dataset's CSV file read row by row with CsvHelper (RFC 4180: quoted commas and newlines, CRLF or LF, a UTF-8
/// byte order mark), each row checked against the header's width and handed on with its row and line numbers.
/// </summary>
internal sealed class DatasetFile(Stream input)
{
    /// <summary>The header, or the header error (missing columns) when the file is not this dataset's.</summary>
    public Dictionary<string, int>? Header { get; private set; }

    /// <summary>Data rows read so far, good or bad.</summary>
    public long RowsRead { get; private set; }

    public async IAsyncEnumerable<DatasetRow> RowsAsync(IDatasetFormat format, ICollection<ImportError> errors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = CsvReaderOptions.Default with { TrackLineNumbers = true };
        await using var reader = CsvReader.Create(input, options, leaveOpen: true);
        await reader.ReadHeaderAsync(cancellationToken);
        var names = reader.Headers.Select((h, i) => (Name: CsvCellSafety.Unescape(i == 0 ? h.TrimStart('\uFEFF') : h).Trim(), Index: i)).ToList();
        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, index) in names)
        {
            header.TryAdd(name, index);
        }

        var missing = format.Required.Where(c => !header.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new ImportError(0, 1, null, $"not a {format.Dataset.ToUpperInvariant()} file: the header lacks {string.Join(", ", missing)}"));
            yield break;
        }

        Header = header;
        while (await reader.ReadAsync(cancellationToken))
        {
            RowsRead = reader.RowNumber;
            if (reader.FieldCount != names.Count)
            {
                errors.Add(new ImportError(reader.RowNumber, reader.LineNumber, null, $"has {reader.FieldCount} fields, the header has {names.Count}"));
                continue;
            }

            var values = new string[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = CsvCellSafety.Unescape(reader.GetString(i));
            }

            yield return new DatasetRow(header, values, reader.RowNumber, reader.LineNumber);
        }
    }
}
