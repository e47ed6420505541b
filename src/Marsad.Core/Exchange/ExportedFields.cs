using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Events;

namespace Marsad.Core.Exchange;

/// <summary>
/// The stored event as the column formats (CSV, HXL, ACLED, UCDP, GeoJSON) read it: the one stored contract
/// (<see cref="MarsadJson"/>) less the members none of their columns writes, which the reader then steps over
/// instead of building (the evidence spans alone cost more to read than the rest of a plain event). JSON and JSON
/// Lines copy the stored payload whole and never come here. A column that starts writing one of these members
/// takes it out of <see cref="Unwritten"/>; the export tests compare every format with the whole model's.
/// </summary>
internal static class ExportedFields
{
    /// <summary>ConflictEvent's members, by their stored names, that no column format writes.</summary>
    public static IReadOnlySet<string> Unwritten { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "evidence", "document_ids", "confidence", "date_text", "aggregate", "merged_into", "grade_reason", "grade_fixed",
    };

    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The event as the serializer with <see cref="Options"/> reads it, by <see cref="ExportedEventReader"/> where it can.</summary>
    public static ConflictEvent Read(ReadOnlySpan<byte> payload) => ExportedEventReader.TryRead(payload) ?? ReadWithSerializer(payload);

    public static ConflictEvent ReadWithSerializer(ReadOnlySpan<byte> payload) => JsonSerializer.Deserialize<ConflictEvent>(payload, Options)!;

    private static JsonSerializerOptions Create()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            if (info.Type != typeof(ConflictEvent))
            {
                return;
            }

            foreach (var property in info.Properties.Where(p => Unwritten.Contains(p.Name)).ToList())
            {
                info.Properties.Remove(property);
            }
        });
        var options = new JsonSerializerOptions(MarsadJson.Options) { TypeInfoResolver = resolver };
        options.MakeReadOnly();
        return options;
    }
}
