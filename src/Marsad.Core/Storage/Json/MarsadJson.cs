using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marsad.Core.Storage.Json;

/// <summary>
/// The one JSON shape Marsad stores and prints: snake_case names, enums as snake_case strings,
/// ACLED labels as ACLED writes them, nulls left out. Stored payloads and the audit trail depend on
/// it staying stable.
/// </summary>
public static class MarsadJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
            // Report text is full of Arabic and typographic quotes; keep them readable in stored JSON.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new SubEventTypeJsonConverter());
        options.Converters.Add(new EventTypeJsonConverter());
        options.Converters.Add(new QuantitiesJsonConverter());
        options.Converters.Add(new EvidenceJsonConverter());
        options.Converters.Add(new AggregateJsonConverter());
        options.Converters.Add(new DateSpanJsonConverter());
        options.Converters.Add(new OrdinalTextMapJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
