using System.Buffers;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Marsad.Core.Events;
using Marsad.Core.Exchange.Csv;
using Marsad.Core.Exchange.Formats;
using Marsad.Core.Storage.Json;

namespace Marsad.Core.Exchange;

/// <summary>
/// Writes events in an export format, streaming: rows leave as they are read, so a million-event export needs no
/// more memory than a page of the query. It writes only what the query layer returned for the caller's role, so
/// masking happens once, before any format sees the data. Every CSV cell goes through <see cref="CsvCellSafety"/>.
/// </summary>
public static class EventExporter
{
    /// <summary>
    /// Bytes gathered before they are handed to the output. Each hand-over of an asynchronous write wakes a thread of
    /// the pool (a console or file stream writes on one), which cost more than the write itself at 64 KiB.
    /// </summary>
    private const int FlushBytes = 256 * 1024;

    private static readonly CsvWriterOptions CsvOptions = CsvWriterOptions.Default with { BufferSize = FlushBytes };

    /// <summary>Writes a list already read (a cached page).</summary>
    public static void Write(TextWriter output, IReadOnlyList<EventListItem> items, EventExportFormat format, IReadOnlyDictionary<string, string?>? sourceUrls = null) =>
        WriteAsync(output, items.ToAsyncEnumerable(), format, sourceUrls).GetAwaiter().GetResult();

    /// <summary>
    /// A list already read (a cached page) as GeoJSON, the bytes <see cref="Write"/> would write: straight into UTF-8,
    /// where text written and then encoded again cost a page twice.
    /// </summary>
    public static byte[] GeoJsonBytes(IReadOnlyList<EventListItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var buffer = new ArrayBufferWriter<byte>(1024 + (items.Count * 1024));
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = MarsadJson.Options.Encoder }))
        {
            GeoJsonStart(json, true);
            foreach (var item in items)
            {
                WriteFeature(json, item);
            }

            GeoJsonEnd(json, true);
        }

        Encoding.UTF8.GetBytes(Environment.NewLine, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes every event <paramref name="items"/> yields; <paramref name="sourceUrls"/> maps source names to URLs (from the sources register as the role sees it), which JSON Lines writes beside the names.</summary>
    public static async Task WriteAsync(TextWriter output, IAsyncEnumerable<EventListItem> items, EventExportFormat format, IReadOnlyDictionary<string, string?>? sourceUrls = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(items);
        switch (format)
        {
            case EventExportFormat.Csv:
                await WriteCsvAsync(output, items, [.. MarsadColumns.All.Select(c => c.Name)], null, MarsadValues, cancellationToken);
                break;
            case EventExportFormat.Hxl:
                await WriteCsvAsync(output, items, [.. MarsadColumns.All.Select(c => c.Name)], [.. MarsadColumns.All.Select(c => c.Hxl)], MarsadValues, cancellationToken);
                break;
            case EventExportFormat.Acled or EventExportFormat.Ucdp:
                IDatasetFormat dataset = format == EventExportFormat.Acled ? AcledFormat.Instance : UcdpFormat.Instance;
                var columns = dataset.Columns;
                await WriteCsvAsync(output, items, [.. columns.Select(c => c.Name)], null, (item, row) =>
                {
                    for (var c = 0; c < row.Length; c++)
                    {
                        row[c] = columns[c].Value(item, dataset.Dataset);
                    }
                }, cancellationToken);
                break;
            case EventExportFormat.GeoJson:
                await WriteJsonAsync(output, items, GeoJsonStart, WriteFeature, GeoJsonEnd, cancellationToken);
                break;
            case EventExportFormat.Json:
                await WriteJsonAsync(output, items, (json, _) => json.WriteStartArray(), (json, item) => WriteJsonItem(json, item, null), (json, _) => json.WriteEndArray(), cancellationToken);
                break;
            case EventExportFormat.Jsonl:
                var urls = sourceUrls ?? new Dictionary<string, string?>();
                await WriteJsonLinesAsync(output, items, (json, item) => WriteJsonItem(json, item, urls), cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }

    /// <summary>
    /// Writes every event <paramref name="rows"/> yields as stored JSON (masked for the role by the query layer). JSON
    /// and JSON Lines copy each payload as the store holds it (the one serializer wrote it, so it is what reading and
    /// writing it again would give): a million-event export parses nothing. The other formats read it into the model.
    /// </summary>
    public static async Task WriteAsync(TextWriter output, IAsyncEnumerable<EventJson> rows, EventExportFormat format, IReadOnlyDictionary<string, string?>? sourceUrls = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        // The database is read on a task of its own, a few batches ahead of the writer.
        rows = ReadAhead.Run(rows, r => r, cancellationToken);
        switch (format)
        {
            case EventExportFormat.Json:
                await WriteJsonAsync(output, rows, (json, _) => json.WriteStartArray(), (json, row) => WriteJsonItem(json, j => j.WriteRawValue(row.Payload.Span, skipInputValidation: true), row.Version, row.Sources, null), (json, _) => json.WriteEndArray(), cancellationToken);
                break;
            case EventExportFormat.Jsonl:
                var urls = sourceUrls ?? new Dictionary<string, string?>();
                await WriteJsonLinesAsync(output, rows, (json, row) => WriteJsonItem(json, j => j.WriteRawValue(row.Payload.Span, skipInputValidation: true), row.Version, row.Sources, urls), cancellationToken);
                break;
            default:
                // Payloads are read into the model by the writer's task: a stage of its own cost more in hand-overs
                // between threads than reading them does.
                await WriteAsync(output, rows.Select(r => new EventListItem(ExportedFields.Read(r.Payload.Span), r.Version, r.Sources)), format, sourceUrls, cancellationToken);
                break;
        }
    }

    private static void MarsadValues(EventListItem item, string?[] row)
    {
        var columns = MarsadColumns.All;
        for (var c = 0; c < row.Length; c++)
        {
            row[c] = columns[c].Value(item);
        }
    }

    private static async Task WriteCsvAsync(TextWriter output, IAsyncEnumerable<EventListItem> items, string[] header, string[]? hashtags, Action<EventListItem, string?[]> values, CancellationToken cancellationToken)
    {
        // UTF-8 text goes to the writer's stream as CsvHelper encodes it, not decoded back to text for the writer
        // to encode again (the writer is emptied first, which also writes any byte order mark it owes).
        var utf8 = output as StreamWriter is { Encoding.CodePage: 65001 } writer ? writer.BaseStream : null;
        if (utf8 is not null)
        {
            await output.FlushAsync(cancellationToken);
        }

        await using var csv = utf8 is not null ? CsvWriter.Create(utf8, CsvOptions, true) : CsvWriter.Create(output, CsvOptions, true);
        await csv.WriteRecordAsync(header, cancellationToken);
        if (hashtags is not null)
        {
            await csv.WriteRecordAsync(hashtags, cancellationToken);
        }

        var row = new string?[header.Length];
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            values(item, row);
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = CsvCellSafety.Escape(row[c]) ?? "";
            }

            await csv.WriteRecordAsync(row!, cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>JSON through one Utf8JsonWriter into a buffer that is handed to the output each time it fills.</summary>
    private static async Task WriteJsonAsync<T>(TextWriter output, IAsyncEnumerable<T> items, Action<Utf8JsonWriter, bool> start, Action<Utf8JsonWriter, T> write, Action<Utf8JsonWriter, bool> end, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(FlushBytes * 2);
        await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = MarsadJson.Options.Encoder });
        start(json, true);
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            write(json, item);
            if (json.BytesPending + buffer.WrittenCount > FlushBytes)
            {
                await json.FlushAsync(cancellationToken);
                await DrainAsync(output, buffer, cancellationToken);
            }
        }

        end(json, true);
        await json.FlushAsync(cancellationToken);
        await DrainAsync(output, buffer, cancellationToken);
        await output.WriteLineAsync();
        await output.FlushAsync(cancellationToken);
    }

    private static async Task WriteJsonLinesAsync<T>(TextWriter output, IAsyncEnumerable<T> items, Action<Utf8JsonWriter, T> write, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(FlushBytes * 2);
        await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = MarsadJson.Options.Encoder });
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            write(json, item);
            // Into the buffer: nothing to wait for.
            json.Flush();
            json.Reset();
            buffer.Write("\n"u8);
            if (buffer.WrittenCount > FlushBytes)
            {
                await DrainAsync(output, buffer, cancellationToken);
            }
        }

        await DrainAsync(output, buffer, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    private static async Task DrainAsync(TextWriter output, ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        if (output is StreamWriter { Encoding.CodePage: 65001 } writer)
        {
            // The bytes are UTF-8 already: past the writer (emptied first, which also writes any byte order mark it
            // owes) straight to its stream, instead of decoding them to text for the writer to encode again.
            await writer.FlushAsync(cancellationToken);
            await writer.BaseStream.WriteAsync(buffer.WrittenMemory, cancellationToken);
        }
        else
        {
            await output.WriteAsync(Encoding.UTF8.GetString(buffer.WrittenSpan).AsMemory(), cancellationToken);
        }

        buffer.ResetWrittenCount();
    }

    /// <summary>An event, its version and its sources (with URLs when given): the JSON and JSON Lines record.</summary>
    private static void WriteJsonItem(Utf8JsonWriter json, EventListItem item, IReadOnlyDictionary<string, string?>? sourceUrls) =>
        WriteJsonItem(json, j => JsonSerializer.Serialize(j, item.Event, MarsadJson.Options), item.Version, item.Sources, sourceUrls);

    private static void WriteJsonItem(Utf8JsonWriter json, Action<Utf8JsonWriter> writeEvent, long version, IReadOnlyList<string> sources, IReadOnlyDictionary<string, string?>? sourceUrls)
    {
        json.WriteStartObject();
        json.WritePropertyName("event");
        writeEvent(json);
        json.WriteNumber("version", version);
        json.WriteStartArray("sources");
        foreach (var source in sources)
        {
            if (sourceUrls is null)
            {
                json.WriteStringValue(source);
                continue;
            }

            json.WriteStartObject();
            json.WriteString("name", source);
            if (sourceUrls.GetValueOrDefault(source) is { } url)
            {
                json.WriteString("url", url);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void GeoJsonStart(Utf8JsonWriter json, bool _)
    {
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
    }

    private static void GeoJsonEnd(Utf8JsonWriter json, bool _)
    {
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>An RFC 7946 feature: [longitude, latitude]; an event without a point keeps its place with <c>geometry: null</c>.</summary>
    private static void WriteFeature(Utf8JsonWriter json, EventListItem item)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteString("id", item.Event.Id.ToString("D"));
        if (item.Event.Location?.Point is { } point)
        {
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(point.Longitude);
            json.WriteNumberValue(point.Latitude);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("geometry");
        }

        json.WriteStartObject("properties");
        foreach (var column in MarsadColumns.All)
        {
            if (column.Name is "latitude" or "longitude")
            {
                continue;
            }

            var value = column.Value(item);
            if (value is null)
            {
                json.WriteNull(column.Name);
            }
            else if (column.IsNumber)
            {
                json.WriteNumber(column.Name, long.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                json.WriteString(column.Name, value);
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
