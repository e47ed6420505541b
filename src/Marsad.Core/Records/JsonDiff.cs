using System.Buffers;
using System.Text;
using System.Text.Json;
using Marsad.Core.Storage.Json;

namespace Marsad.Core.Records;

/// <summary>What a revision records as changed: each top-level field whose value differs, as {"old", "new"}, in name order.</summary>
internal static class JsonDiff
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = MarsadJson.Options.Encoder, SkipValidation = true };

    public static string Changes(string? oldJson, string newJson) =>
        Changes(oldJson is null ? [] : Encoding.UTF8.GetBytes(oldJson), Encoding.UTF8.GetBytes(newJson));

    /// <summary>
    /// Compares the two payloads field by field over their UTF-8 text, without building trees: bulk
    /// corroboration diffs a million records. Both come from the one serializer, so equal text settles
    /// most fields; text that differs is still compared by value, so a re-spelled equal value is no change.
    /// An empty <paramref name="oldJson"/> means there was no record before.
    /// </summary>
    public static string Changes(ReadOnlySpan<byte> oldJson, ReadOnlySpan<byte> newJson) =>
        oldJson.IsEmpty ? Inserted(newJson) : Changes(oldJson, Fields(oldJson), newJson);

    /// <summary>A new record's changes: every field, from null, in name order (an import writes one per row).</summary>
    private static string Inserted(ReadOnlySpan<byte> newJson)
    {
        var fields = Fields(newJson);
        fields.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var buffer = new ArrayBufferWriter<byte>(newJson.Length + (fields.Count * 24) + 2);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, range) in fields)
            {
                writer.WriteStartObject(name);
                writer.WriteNull("old");
                writer.WritePropertyName("new");
                writer.WriteRawValue(newJson[range], skipInputValidation: true);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>As above, with the old payload's fields already found, so a bulk patch reads them once.</summary>
    public static string Changes(ReadOnlySpan<byte> oldJson, List<(string Name, Range Value)> before, ReadOnlySpan<byte> newJson)
    {
        var after = Fields(newJson);
        var changed = new List<(string Name, Range? Old, Range? New)>();
        var oldByName = new Dictionary<string, Range>(before.Count, StringComparer.Ordinal);
        foreach (var (name, range) in before)
        {
            oldByName[name] = range;
        }

        foreach (var (name, range) in after)
        {
            if (oldByName.Remove(name, out var old))
            {
                if (!Same(oldJson[old], newJson[range]))
                {
                    changed.Add((name, old, range));
                }
            }
            else
            {
                changed.Add((name, null, range));
            }
        }

        changed.AddRange(oldByName.Select(p => (p.Key, (Range?)p.Value, (Range?)null)));
        changed.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, old, now) in changed)
            {
                writer.WriteStartObject(name);
                Write(writer, "old", oldJson, old);
                Write(writer, "new", newJson, now);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Each top-level field's name and where its value's text lies.</summary>
    public static List<(string Name, Range Value)> Fields(ReadOnlySpan<byte> json)
    {
        var fields = new List<(string, Range)>(24);
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a record payload must be a JSON object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            fields.Add((name, start..(int)reader.BytesConsumed));
        }

        return fields;
    }

    private static bool Same(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.SequenceEqual(b))
        {
            return true;
        }

        using var left = JsonDocument.Parse(a.ToArray());
        using var right = JsonDocument.Parse(b.ToArray());
        return JsonElement.DeepEquals(left.RootElement, right.RootElement);
    }

    private static void Write(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> json, Range? value)
    {
        writer.WritePropertyName(name);
        if (value is { } range)
        {
            writer.WriteRawValue(json[range], skipInputValidation: true);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
