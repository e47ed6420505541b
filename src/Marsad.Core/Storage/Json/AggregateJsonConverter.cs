using System.Text.Json;
using System.Text.Json.Serialization;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Storage.Json;

/// <summary>An aggregate as the extraction contract writes it: {incidents, places, dates}.</summary>
internal sealed class AggregateJsonConverter : JsonConverter<Aggregate>
{
    public override Aggregate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var shape = JsonSerializer.Deserialize<Shape>(ref reader, options) ?? throw new JsonException("aggregate is null");
        return new Aggregate(shape.Incidents, shape.Places ?? [], shape.Dates ?? []);
    }

    public override void Write(Utf8JsonWriter writer, Aggregate value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Shape(value.Incidents, [.. value.Places], [.. value.Dates]), options);

    private sealed record Shape(int Incidents, List<Location>? Places, List<DateOnly>? Dates);
}
