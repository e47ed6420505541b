using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Marsad.Core.Events;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Exchange;

/// <summary>
/// Writes listed events in an export format. It writes only what the query layer returned for the
/// caller's role, so masking happens once, before any format sees the data.
/// </summary>
public static class EventExporter
{
    public static void Write(TextWriter output, IReadOnlyList<EventListItem> items, EventExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(items);
        switch (format)
        {
            case EventExportFormat.Json:
                output.WriteLine(JsonSerializer.Serialize(items.Select(i => new { Event = i.Event, i.Version, i.Sources }), MarsadJson.Indented));
                break;
            case EventExportFormat.GeoJson:
                WriteGeoJson(output, items);
                break;
            case EventExportFormat.Csv:
                WriteCsv(output, items, MarsadColumns);
                break;
            case EventExportFormat.Acled:
                WriteCsv(output, items, AcledColumns);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }

    /// <summary>
    /// Streams events as CSV (Marsad's columns or ACLED's), flushing as it goes: rows leave as they are read,
    /// so a million-row export needs no more memory than one page of the query.
    /// </summary>
    public static async Task WriteCsvAsync(TextWriter output, IAsyncEnumerable<EventListItem> items, EventExportFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(items);
        var columns = format switch
        {
            EventExportFormat.Csv => MarsadColumns,
            EventExportFormat.Acled => AcledColumns,
            _ => throw new ArgumentOutOfRangeException(nameof(format), "only the CSV formats stream"),
        };
        await using var csv = CsvWriter.Create(output, CsvWriterOptions.Default, true);
        await csv.WriteRecordAsync([.. columns.Select(c => c.Name)], cancellationToken);
        var rows = 0;
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync([.. columns.Select(c => c.Value(item) ?? "")], cancellationToken);
            if (++rows % 1000 == 0)
            {
                await csv.FlushAsync(cancellationToken);
            }
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static readonly (string Name, Func<EventListItem, string?> Value)[] MarsadColumns =
    [
        ("id", i => i.Event.Id.ToString("D")),
        ("event_type", i => i.Event.EventType.Label),
        ("sub_event_type", i => i.Event.SubEventType.Label),
        ("date_start", i => Iso(i.Event.Date.Start)),
        ("date_end", i => Iso(i.Event.Date.End)),
        ("time_precision", i => ((int)i.Event.Date.Precision).ToString(CultureInfo.InvariantCulture)),
        ("actor1", i => i.Event.Actor1),
        ("assoc_actor_1", i => string.Join("; ", i.Event.AssocActor1)),
        ("actor2", i => i.Event.Actor2),
        ("assoc_actor_2", i => string.Join("; ", i.Event.AssocActor2)),
        ("location", i => i.Event.Location?.Name),
        ("admin1", i => i.Event.Location?.Admin1),
        ("admin2", i => i.Event.Location?.Admin2),
        ("admin3", i => i.Event.Location?.Admin3),
        ("latitude", i => Number(i.Event.Location?.Point?.Latitude)),
        ("longitude", i => Number(i.Event.Location?.Point?.Longitude)),
        ("geo_precision", i => i.Event.Location?.Precision is { } p ? ((int)p).ToString(CultureInfo.InvariantCulture) : null),
        ("fatalities_low", i => Count(i.Event, Quantities.Names.Fatalities, q => q.Low)),
        ("fatalities_best", i => Count(i.Event, Quantities.Names.Fatalities, q => q.Best)),
        ("fatalities_high", i => Count(i.Event, Quantities.Names.Fatalities, q => q.High)),
        ("tags", i => string.Join("; ", i.Event.Tags)),
        ("status", i => JsonName(i.Event.Status)),
        ("grade", i => i.Event.Grade is { } g ? JsonName(g) : null),
        ("sources", i => string.Join("; ", i.Sources)),
        ("summary", i => i.Event.Summary),
    ];

    private static readonly (string Name, Func<EventListItem, string?> Value)[] AcledColumns =
    [
        ("event_id_cnty", i => i.Event.Id.ToString("D")),
        ("event_date", i => Iso(i.Event.Date.Start)),
        ("year", i => i.Event.Date.Start.Year.ToString(CultureInfo.InvariantCulture)),
        ("time_precision", i => ((int)i.Event.Date.Precision).ToString(CultureInfo.InvariantCulture)),
        ("event_type", i => i.Event.EventType.Label),
        ("sub_event_type", i => i.Event.SubEventType.Label),
        ("actor1", i => i.Event.Actor1),
        ("assoc_actor_1", i => string.Join("; ", i.Event.AssocActor1)),
        ("actor2", i => i.Event.Actor2),
        ("assoc_actor_2", i => string.Join("; ", i.Event.AssocActor2)),
        ("country", _ => "Syria"),
        ("admin1", i => i.Event.Location?.Admin1),
        ("admin2", i => i.Event.Location?.Admin2),
        ("admin3", i => i.Event.Location?.Admin3),
        ("location", i => i.Event.Location?.Name),
        ("latitude", i => Number(i.Event.Location?.Point?.Latitude)),
        ("longitude", i => Number(i.Event.Location?.Point?.Longitude)),
        ("geo_precision", i => i.Event.Location?.Precision is { } p ? ((int)p).ToString(CultureInfo.InvariantCulture) : null),
        ("source", i => string.Join("; ", i.Sources)),
        ("notes", i => i.Event.Summary),
        ("fatalities", i => Count(i.Event, Quantities.Names.Fatalities, q => q.Low) ?? "0"),
        ("tags", i => string.Join("; ", i.Event.Tags)),
    ];

    private static void WriteCsv(TextWriter output, IReadOnlyList<EventListItem> items, (string Name, Func<EventListItem, string?> Value)[] columns)
    {
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default, true);
        csv.WriteRecord([.. columns.Select(c => c.Name)]);
        foreach (var item in items)
        {
            csv.WriteRecord([.. columns.Select(c => c.Value(item) ?? "")]);
        }
    }

    private static void WriteGeoJson(TextWriter output, IReadOnlyList<EventListItem> items)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var item in items.Where(i => i.Event.Location?.Point is not null))
            {
                var point = item.Event.Location!.Point!;
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(point.Longitude);
                json.WriteNumberValue(point.Latitude);
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteStartObject("properties");
                foreach (var (name, value) in MarsadColumns.Where(c => c.Name is not ("latitude" or "longitude")))
                {
                    json.WriteString(name, value(item));
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string? Count(ConflictEvent e, string name, Func<Quantity, int?> pick) =>
        e.Quantities.TryGetValue(name, out var q) && pick(q) is { } n ? n.ToString(CultureInfo.InvariantCulture) : null;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString("0.#####", CultureInfo.InvariantCulture);

    private static string JsonName<T>(T value) => JsonSerializer.Serialize(value, MarsadJson.Options).Trim('"');
}
