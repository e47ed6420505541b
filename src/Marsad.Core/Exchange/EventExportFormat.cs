namespace Marsad.Core.Exchange;

/// <summary>The machine-readable forms events are exported in.</summary>
public enum EventExportFormat
{
    /// <summary>A JSON array: each event as stored, plus its (role-masked) sources and version.</summary>
    Json,

    /// <summary>One row an event, Marsad's own columns.</summary>
    Csv,

    /// <summary>A GeoJSON FeatureCollection of the events that have a point.</summary>
    GeoJson,

    /// <summary>CSV with ACLED's column names, for tools that read ACLED exports.</summary>
    Acled,
}
