using System.Text.Json;
using System.Text.Json.Serialization;
using Marsad.Domain.Common;

namespace Marsad.Core.Storage.Json;

/// <summary>
/// A date span as {start, end, precision}, and <see cref="DateSpan.Unresolved"/> as <c>null</c>: the one place that
/// decides how an undated record looks in stored and printed JSON, so no output ever shows the domain's 0001-01-01
/// mark as if it were a day. The words the text gave stay beside it in <c>date_text</c>.
/// </summary>
internal sealed class DateSpanJsonConverter : JsonConverter<DateSpan>
{
    // Null must reach Read: it is the undated form, not a missing value.
    public override bool HandleNull => true;

    public override DateSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return DateSpan.Unresolved;
        }

        var shape = JsonSerializer.Deserialize<Shape>(ref reader, options) ?? throw new JsonException("date is null");
        return new DateSpan(shape.Start, shape.End, shape.Precision);
    }

    public override void Write(Utf8JsonWriter writer, DateSpan value, JsonSerializerOptions options)
    {
        // HandleNull also hands Write a null (the OpenAPI schema exporter does): the same undated form.
        if (value is null || value.IsUnresolved)
        {
            writer.WriteNullValue();
            return;
        }

        JsonSerializer.Serialize(writer, new Shape(value.Start, value.End, value.Precision), options);
    }

    private sealed record Shape(DateOnly Start, DateOnly End, TimePrecision Precision);
}
