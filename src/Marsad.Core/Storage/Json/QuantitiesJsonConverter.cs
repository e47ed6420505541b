using System.Text.Json;
using System.Text.Json.Serialization;
using Marsad.Domain.Common;

namespace Marsad.Core.Storage.Json;

/// <summary>Quantities as a JSON object: name → {low, best, high, text}.</summary>
internal sealed class QuantitiesJsonConverter : JsonConverter<Quantities>
{
    public override Quantities Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var items = JsonSerializer.Deserialize<Dictionary<string, Quantity>>(ref reader, options) ?? [];
        return new Quantities(items);
    }

    public override void Write(Utf8JsonWriter writer, Quantities value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, quantity) in value)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, quantity, options);
        }

        writer.WriteEndObject();
    }
}
