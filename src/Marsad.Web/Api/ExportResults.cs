using System.Buffers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Marsad.Core.Storage.Json;
using Marsad.Core.Events;
using Marsad.Core.Exchange;
using Microsoft.AspNetCore.Http.Metadata;

namespace Marsad.Web.Api;

/// <summary>
/// A page of events, rendered once to bytes (so it can be cached): JSON as <see cref="EventPage"/>, written from
/// each event's stored JSON instead of parsing and writing it again, or a GeoJSON FeatureCollection whose next
/// page's cursor travels in the <c>X-Next-Cursor</c> header.
/// </summary>
internal sealed class EventPageBody(byte[] body, string contentType, string? nextCursor) : IResult, IEndpointMetadataProvider
{
    public const string NextCursorHeader = "X-Next-Cursor";

    public int Size => body.Length;

    public static EventPageBody Json(IReadOnlyList<EventJson> items, string? nextCursor)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, items.Sum(i => i.Payload.Length) + 1024));
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = MarsadJson.Options.Encoder }))
        {
            json.WriteStartObject();
            json.WriteStartArray("items");
            foreach (var item in items)
            {
                json.WriteStartObject();
                json.WritePropertyName("event");
                json.WriteRawValue(item.Payload.Span, skipInputValidation: true);
                json.WriteNumber("version", item.Version);
                if (item.PlaceLine is { Count: > 0 } line)
                {
                    json.WriteStartArray("place_line");
                    foreach (var part in line)
                    {
                        json.WriteStringValue(part);
                    }

                    json.WriteEndArray();
                }

                json.WriteStartArray("sources");
                foreach (var source in item.Sources)
                {
                    json.WriteStringValue(source);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (nextCursor is not null)
            {
                json.WriteString("next_cursor", nextCursor);
            }

            json.WriteEndObject();
        }

        return new EventPageBody(buffer.WrittenSpan.ToArray(), "application/json; charset=utf-8", null);
    }

    public static EventPageBody GeoJson(IReadOnlyList<EventListItem> items, string? nextCursor)
    {
        return new EventPageBody(EventExporter.GeoJsonBytes(items), "application/geo+json; charset=utf-8", nextCursor);
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (nextCursor is not null)
        {
            httpContext.Response.Headers[NextCursorHeader] = nextCursor;
        }

        httpContext.Response.ContentType = contentType;
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(EventPage), ["application/json", "application/geo+json"]));
    }
}

/// <summary>Every matching event in an export format, written while it is read: a million rows take no more memory than a page.</summary>
internal sealed class StreamedExport(IAsyncEnumerable<EventJson> items, EventExportFormat format, IReadOnlyDictionary<string, string?> sourceUrls) : IResult, IEndpointMetadataProvider
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.ContentType = EventExportFormats.MediaType(format) + "; charset=utf-8";
        httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"marsad-events-{EventExportFormats.Name(format)}.{EventExportFormats.FileExtension(format)}\"";
        await using var writer = new StreamWriter(httpContext.Response.Body, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await EventExporter.WriteAsync(writer, items, format, sourceUrls, httpContext.RequestAborted);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/csv", "application/jsonl"]));
    }
}
