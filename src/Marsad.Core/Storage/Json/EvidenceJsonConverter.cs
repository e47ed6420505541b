using System.Text.Json;
using System.Text.Json.Serialization;
using Marsad.Domain.Common;

namespace Marsad.Core.Storage.Json;

/// <summary>Evidence as the extraction contract writes it: field → [start, end].</summary>
internal sealed class EvidenceJsonConverter : JsonConverter<Evidence>
{
    public override Evidence Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var spans = JsonSerializer.Deserialize<Dictionary<string, int[]>>(ref reader, options) ?? [];
        return new Evidence(spans.Select(kv => kv.Value.Length == 2
            ? KeyValuePair.Create(kv.Key, new TextSpan(kv.Value[0], kv.Value[1]))
            : throw new JsonException($"evidence '{kv.Key}' must be [start, end]")));
    }

    public override void Write(Utf8JsonWriter writer, Evidence value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (field, span) in value.Spans)
        {
            writer.WriteStartArray(field);
            writer.WriteNumberValue(span.Start);
            writer.WriteNumberValue(span.End);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
