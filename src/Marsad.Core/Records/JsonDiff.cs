using System.Text.Json.Nodes;

namespace Marsad.Core.Records;

/// <summary>What a revision records as changed: each top-level field whose value differs, as {"old", "new"}.</summary>
internal static class JsonDiff
{
    public static string Changes(string? oldJson, string newJson)
    {
        var before = oldJson is null ? new JsonObject() : JsonNode.Parse(oldJson)!.AsObject();
        var after = JsonNode.Parse(newJson)!.AsObject();
        var changes = new JsonObject();
        foreach (var name in before.Select(p => p.Key).Union(after.Select(p => p.Key)).Order(StringComparer.Ordinal))
        {
            var oldValue = before[name];
            var newValue = after[name];
            if (!JsonNode.DeepEquals(oldValue, newValue))
            {
                changes[name] = new JsonObject { ["old"] = oldValue?.DeepClone(), ["new"] = newValue?.DeepClone() };
            }
        }

        return changes.ToJsonString();
    }
}
