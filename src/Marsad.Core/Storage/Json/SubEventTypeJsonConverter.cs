using System.Text.Json;
using System.Text.Json.Serialization;
using Marsad.Domain.Events;

namespace Marsad.Core.Storage.Json;

/// <summary>Writes an ACLED sub-event type as its label; reading refuses anything outside the closed set.</summary>
internal sealed class SubEventTypeJsonConverter : JsonConverter<AcledSubEventType>
{
    public override AcledSubEventType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var label = reader.GetString();
        return AcledSubEventType.FromLabel(label) ?? throw new JsonException($"'{label}' is not an ACLED sub-event type");
    }

    public override void Write(Utf8JsonWriter writer, AcledSubEventType value, JsonSerializerOptions options) => writer.WriteStringValue(value.Label);
}

/// <summary>Writes an ACLED event type as its label; reading refuses anything outside the closed set.</summary>
internal sealed class EventTypeJsonConverter : JsonConverter<AcledEventType>
{
    public override AcledEventType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var label = reader.GetString();
        return AcledEventType.FromLabel(label) ?? throw new JsonException($"'{label}' is not an ACLED event type");
    }

    public override void Write(Utf8JsonWriter writer, AcledEventType value, JsonSerializerOptions options) => writer.WriteStringValue(value.Label);
}
