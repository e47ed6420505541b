using System.Buffers;
using System.Text;
using System.Text.Json;
using Marsad.Core.Storage.Json;

namespace Marsad.Core.Records;

/// <summary>Sets top-level fields in a stored payload, copying every other field's text as it is.</summary>
internal static class PayloadPatch
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = MarsadJson.Options.Encoder, SkipValidation = true };

    /// <summary>The patched payload as UTF-8: fields keep their place, new ones go last, a null value drops the field.</summary>
    public static byte[] Apply(ReadOnlySpan<byte> payload, IReadOnlyList<FieldValue> fields) => Apply(payload, JsonDiff.Fields(payload), fields);

    /// <summary>As above, with the payload's fields already found (the caller diffs against them too).</summary>
    public static byte[] Apply(ReadOnlySpan<byte> payload, List<(string Name, Range Value)> payloadFields, IReadOnlyList<FieldValue> fields)
    {
        var pending = new Dictionary<string, object?>(fields.Count, StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            pending[name] = value;
        }

        var buffer = new ArrayBufferWriter<byte>(payload.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, range) in payloadFields)
            {
                if (pending.Remove(name, out var value))
                {
                    WriteValue(writer, name, value);
                }
                else
                {
                    writer.WritePropertyName(name);
                    writer.WriteRawValue(payload[range], skipInputValidation: true);
                }
            }

            foreach (var (name, value) in pending)
            {
                WriteValue(writer, name, value);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, string name, object? value)
    {
        if (value is null)
        {
            return;
        }

        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, value, value.GetType(), MarsadJson.Options);
    }

    public static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);
}
