using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Core.Events;
using Marsad.Domain.Records;

namespace Marsad.Core.Access;

/// <summary>
/// A revision's changes as a role may read them, masked like the record itself: below editor a person's
/// sensitive fields (and the status history and evidence, which hold exact places) are left out of the diff
/// whether or not an editor released them, a document's file path and link are left out (a path often names
/// the source), a confidential document source is named "confidential source", a confidential source's own
/// revisions (the register's rows) show neither its name nor its link or note (a link or a note names it as well as
/// its name does), and confidential names are redacted from every string.
/// </summary>
public static class AuditMask
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] PersonKeys = [.. PersonFields.Sensitive, "history", "evidence", "place"];
    private static readonly string[] DocumentKeys = ["origin", "url", "path", "file"];
    private static readonly string[] SourceKeys = ["name_key", "url", "reliability_note"];

    public static string Changes(string entityType, string changes, Role role, ConfidentialNames secrets, Func<string, bool> isConfidentialSource)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(isConfidentialSource);
        if (role.SeesConfidentialSources() && role.SeesSensitivePersonFields())
        {
            return changes;
        }

        if (JsonNode.Parse(changes) is not JsonObject obj)
        {
            return secrets.ScrubJson(changes);
        }

        var drop = entityType switch
        {
            "person" when !role.SeesSensitivePersonFields() => PersonKeys,
            "document" => DocumentKeys,
            _ => [],
        };
        foreach (var key in obj.Select(kv => kv.Key).ToList())
        {
            if (drop.Any(d => key.Equals(d, StringComparison.OrdinalIgnoreCase) || key.StartsWith(d + "_", StringComparison.OrdinalIgnoreCase)))
            {
                obj.Remove(key);
            }
        }

        if (entityType == "document" && obj["source"] is JsonNode source && !role.SeesConfidentialSources())
        {
            obj["source"] = Mask(source, isConfidentialSource);
        }

        // A source that was confidential when the revision was written, or is now: either way its identity stays hidden.
        if (entityType == "source" && !role.SeesConfidentialSources()
            && (IsTrue(obj["confidential"]) || (obj["name"] is JsonValue n && n.GetValueKind() == JsonValueKind.String && isConfidentialSource(n.GetValue<string>()))))
        {
            obj["name"] = RoleRules.ConfidentialSourceName;
            foreach (var key in SourceKeys)
            {
                obj.Remove(key);
            }
        }

        return secrets.ScrubJson(obj.ToJsonString(Relaxed));
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue v && v.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.Number => v.GetValue<double>() != 0,
        JsonValueKind.String => v.GetValue<string>() is "1" or "true",
        _ => false,
    };

    private static JsonNode? Mask(JsonNode node, Func<string, bool> isConfidentialSource) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String && isConfidentialSource(v.GetValue<string>()) => JsonValue.Create(RoleRules.ConfidentialSourceName),
        JsonArray a => new JsonArray([.. a.Select(n => n is null ? null : Mask(n, isConfidentialSource))]),
        _ => node.DeepClone(),
    };
}
