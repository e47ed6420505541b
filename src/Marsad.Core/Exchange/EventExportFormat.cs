namespace Marsad.Core.Exchange;

/// <summary>The machine-readable forms events are exported in; every one streams.</summary>
public enum EventExportFormat
{
    /// <summary>A JSON array: each event as stored, plus its (role-masked) sources and version.</summary>
    Json,

    /// <summary>One row an event, Marsad's own columns.</summary>
    Csv,

    /// <summary>An RFC 7946 FeatureCollection: every event, those without a point with <c>geometry: null</c>.</summary>
    GeoJson,

    /// <summary>ACLED's export: every column of its current export, in its order.</summary>
    Acled,

    /// <summary>UCDP GED's columns: deaths low/best/high, precision codes.</summary>
    Ucdp,

    /// <summary>Marsad's CSV columns with an HXL hashtag row under the header.</summary>
    Hxl,

    /// <summary>JSON Lines: one event a line, the whole model (evidence spans, origin), its version and sources with their URLs.</summary>
    Jsonl,
}

/// <summary>Names and media types of the export formats, for the CLI, the API and its OpenAPI document.</summary>
public static class EventExportFormats
{
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<EventExportFormat>().Select(Name)];

    public static string Name(EventExportFormat format) => format.ToString().ToLowerInvariant();

    public static EventExportFormat? Parse(string? name) =>
        Enum.TryParse<EventExportFormat>(name, ignoreCase: true, out var format) && Enum.IsDefined(format) && !int.TryParse(name, out _) ? format : null;

    public static string MediaType(EventExportFormat format) => format switch
    {
        EventExportFormat.Json => "application/json",
        EventExportFormat.GeoJson => "application/geo+json",
        EventExportFormat.Jsonl => "application/jsonl",
        _ => "text/csv",
    };

    public static string FileExtension(EventExportFormat format) => format switch
    {
        EventExportFormat.Json => "json",
        EventExportFormat.GeoJson => "geojson",
        EventExportFormat.Jsonl => "jsonl",
        _ => "csv",
    };
}
