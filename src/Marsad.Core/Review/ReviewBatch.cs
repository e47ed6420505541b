using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Core.Ids;
using Marsad.Core.Storage.Json;

namespace Marsad.Core.Review;

/// <summary>
/// Reads a batch of decisions (<c>marsad review --batch</c>): a JSON list of <see cref="ReviewDecision"/>, whose ids may be
/// the short ids tables print or any unique prefix, resolved here through the one id parser.
/// </summary>
public static class ReviewBatch
{
    public static async Task<IReadOnlyList<ReviewDecision>> ReadAsync(string json, IRecordIds ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = JsonNode.Parse(json) as JsonArray ?? throw new JsonException("expected a JSON list of decisions");
        var decisions = new List<ReviewDecision>(list.Count);
        foreach (var item in list)
        {
            decisions.Add(await ReadOneAsync(item, ids, cancellationToken));
        }

        return decisions;
    }

    /// <summary>One decision of a batch, read on its own so that one that cannot be read (a lone surrogate, a wrong type, an unknown id) fails alone.</summary>
    public static async Task<ReviewDecision> ReadOneAsync(JsonNode? item, IRecordIds ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (item is not JsonObject decision)
        {
            throw new JsonException("each decision is a JSON object");
        }

        var kind = IdKinds.FromWord(Word(decision["kind"])) ?? throw new JsonException($"decision kind '{decision["kind"]}' is not event, claim, person or allegation");
        if (decision["id"] is JsonValue id && id.TryGetValue<string>(out var typed) && !Guid.TryParse(typed, out _))
        {
            decision["id"] = (await ids.ResolveAsync(kind, typed, cancellationToken)).ToString("D");
        }

        // The events to merge and the records to link are named the same way as the decision's own record.
        if (decision["merge"] is JsonArray merge)
        {
            for (var i = 0; i < merge.Count; i++)
            {
                merge[i] = await ResolveAsync(merge[i], IdKind.Event, ids, cancellationToken);
            }
        }

        if (decision["links"] is JsonArray links)
        {
            foreach (var link in links.OfType<JsonObject>())
            {
                var linkKind = IdKinds.FromWord(Word(link["kind"])) ?? throw new JsonException($"link kind '{link["kind"]}' is not person, claim or allegation");
                link["id"] = await ResolveAsync(link["id"], linkKind, ids, cancellationToken);
            }
        }

        return decision.Deserialize<ReviewDecision>(MarsadJson.Options) ?? throw new JsonException("empty decision");
    }

    // A kind given as a number or a list is no word: said as such, not as GetValue's InvalidOperationException.
    private static string? Word(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var word) ? word : null;

    private static async Task<JsonNode?> ResolveAsync(JsonNode? node, IdKind kind, IRecordIds ids, CancellationToken cancellationToken) =>
        node is JsonValue value && value.TryGetValue<string>(out var typed) && !Guid.TryParse(typed, out _)
            ? JsonValue.Create((await ids.ResolveAsync(kind, typed, cancellationToken)).ToString("D"))
            : node?.DeepClone();
}
