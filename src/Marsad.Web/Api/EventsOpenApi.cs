using System.Text.Json.Nodes;
using Marsad.Core.Exchange;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Marsad.Web.Api;

/// <summary>
/// The query parameters of <c>GET /api/events</c> in the OpenAPI document. The handler reads them from the query
/// string itself (to report every bad value at once), so they are declared here, with the export formats as an enum.
/// </summary>
internal static class EventsOpenApi
{
    private static readonly (string Name, string Description)[] Filters =
    [
        ("from", "Events whose dates reach this day or later: YYYY-MM-DD, or a date as people write it (July 2023, 21 July 2023; its first day)"),
        ("to", "Events whose dates start this day or earlier: YYYY-MM-DD, or a date as people write it (July 2023; its last day)"),
        ("type", "ACLED event type, e.g. Battles"),
        ("sub_type", "ACLED sub-event type, e.g. Air/drone strike"),
        ("actor", "Canonical actor name (actor1, actor2 or associated)"),
        ("admin1", "Governorate"),
        ("admin2", "District"),
        ("bbox", "west,south,east,north in degrees"),
        ("near", "latitude,longitude,kilometres: events within this distance of the point"),
        ("grade", "confirmed, fair, weak, contested or discounted"),
        ("status", "extracted, reviewed, verified, published or rejected"),
        ("text", "Text in the event's summary or place"),
        ("updated_since", "Only events changed since this ISO 8601 time (incremental sync)"),
        ("cursor", "The next_cursor of a previous page (json, geojson)"),
        ("limit", "Events per page (json, geojson)"),
    ];

    public static Task DescribeListAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        operation.Parameters ??= [];
        foreach (var (name, description) in Filters)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name, In = ParameterLocation.Query, Description = description,
                Schema = new OpenApiSchema { Type = name == "limit" ? JsonSchemaType.Integer : JsonSchemaType.String },
            });
        }

        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "format", In = ParameterLocation.Query,
            Description = "json and geojson: a page (cursor in next_cursor / X-Next-Cursor); csv, acled, ucdp, hxl, jsonl: every matching event, streamed",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Default = JsonValue.Create("json"), Enum = [.. EventExportFormats.Names.Select(n => (JsonNode)JsonValue.Create(n))] },
        });
        return Task.CompletedTask;
    }
}
