using System.Reflection;
using System.Text;
using Marsad.Core.Events;
using Marsad.Core.Exchange;
using Microsoft.AspNetCore.Http.Metadata;

namespace Marsad.Web.Api;

/// <summary>A page of events as a GeoJSON FeatureCollection; the next page's cursor travels in the <c>X-Next-Cursor</c> header.</summary>
internal sealed class GeoJsonPage(IReadOnlyList<EventListItem> items, string? nextCursor) : IResult, IEndpointMetadataProvider
{
    public const string NextCursorHeader = "X-Next-Cursor";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        using var text = new StringWriter();
        EventExporter.Write(text, items, EventExportFormat.GeoJson);
        if (nextCursor is not null)
        {
            httpContext.Response.Headers[NextCursorHeader] = nextCursor;
        }

        httpContext.Response.ContentType = "application/geo+json; charset=utf-8";
        await httpContext.Response.WriteAsync(text.ToString(), Encoding.UTF8, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["application/geo+json"]));
    }
}

/// <summary>Every matching event as CSV, written while it is read: a million rows take no more memory than a page.</summary>
internal sealed class CsvExport(IAsyncEnumerable<EventListItem> items, EventExportFormat format) : IResult, IEndpointMetadataProvider
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.ContentType = "text/csv; charset=utf-8";
        httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"marsad-events{(format == EventExportFormat.Acled ? "-acled" : "")}.csv\"";
        await using var writer = new StreamWriter(httpContext.Response.Body, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await EventExporter.WriteCsvAsync(writer, items, format, httpContext.RequestAborted);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/csv"]));
    }
}
