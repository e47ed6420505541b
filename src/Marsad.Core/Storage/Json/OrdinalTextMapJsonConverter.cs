using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marsad.Core.Storage.Json;

/// <summary>
/// A sorted map of text to text (an imported row's kept columns) read with the ordinal comparer its domain type uses.
/// The serializer's own converter built it with the culture's comparer: another order than the one it was written in,
/// and a culture comparison for every lookup (an export looks up each column of each row).
/// </summary>
internal sealed class OrdinalTextMapJsonConverter : JsonConverter<ImmutableSortedDictionary<string, string>>
{
    public override ImmutableSortedDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("expected an object of text values");
        }

        var map = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"'{key}' must be text");
        }

        return map.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, ImmutableSortedDictionary<string, string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (key, text) in value)
        {
            writer.WriteString(key, text);
        }

        writer.WriteEndObject();
    }
}
