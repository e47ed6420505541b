using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Core.Names;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Events;

namespace Marsad.Core.Review.PlainValues;

/// <summary>
/// The one place where an event's fields typed in plain words become stored values, for the terminal queue,
/// <c>review --batch</c> and the web API alike: <c>"date": "21–23 July 2023"</c>, <c>"location": "Rmelan"</c>,
/// <c>"actor2": "ISIS"</c>, <c>"fatalities": "at least 3"</c>, <c>"sub_event_type": "air/drone strike"</c>.
/// A value given as a JSON object or array of objects is taken as the stored form and left to the record's own checks.
/// A field missing from the proposal is simply added.
/// </summary>
public sealed class PlainFields(PlainPlace places, ActorNames actors)
{
    /// <summary>Counts an event can carry (DESIGN.md §5); each may be set on its own, as <c>"fatalities": "3"</c> or <c>"quantities.fatalities"</c>.</summary>
    public static readonly IReadOnlyList<string> QuantityNames = ["fatalities", "injured", "arrested", "abducted", "prisoners", "vehicles", "operations", "strikes", "displaced"];

    public static PlainFields Default { get; } = new(PlainPlace.Default, ActorNames.Default);

    public PlainPlace Places => places;

    /// <summary>Loads the gazetteer now (a few seconds), so a server pays for it at start rather than on a coder's first place.</summary>
    public void Warm() => places.Candidates("Damascus");

    public ActorNames Actors => actors;

    /// <summary>Names review accepts for an event beside its JSON fields: a count by name ("fatalities", "quantities.x") and ACLED's assoc_actor_N.</summary>
    public static bool IsEventAlias(string field) =>
        field.StartsWith("quantities.", StringComparison.Ordinal) || QuantityNames.Contains(field) || field is "assoc_actor_1" or "assoc_actor_2";

    /// <summary>Sets <paramref name="field"/> of the event's JSON to what <paramref name="value"/> says; throws <see cref="PlainValueException"/> with what to type instead.</summary>
    public void SetEventField(JsonObject record, string field, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(field);
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : null;
        var quantity = field.StartsWith("quantities.", StringComparison.Ordinal) ? field["quantities.".Length..] : QuantityNames.Contains(field) ? field : null;
        if (quantity is not null)
        {
            SetQuantity(record, quantity, value, text);
            return;
        }

        // DESIGN.md and ACLED write assoc_actor_1; the stored JSON writes assoc_actor1. Either is accepted.
        field = field switch { "assoc_actor_1" => "assoc_actor1", "assoc_actor_2" => "assoc_actor2", _ => field };
        record[field] = (field, text) switch
        {
            (_, "") when field is "location" or "actor2" or "actor1" => null,
            ("date", { } t) => Node(PlainDate.Parse(t)),
            ("location", { } t) => Node(places.Resolve(t)),
            ("actor1" or "actor2", { } t) => actors.Canonical(t) ?? t,
            ("assoc_actor1" or "assoc_actor2", { } t) => new JsonArray([.. t.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(a => (JsonNode?)(actors.Canonical(a) ?? a))]),
            ("assoc_actor1" or "assoc_actor2", null) when value is JsonArray list => new JsonArray([.. list.Select(a => a is JsonValue av && av.TryGetValue<string>(out var name) ? (JsonNode?)(actors.Canonical(name) ?? name.Trim()) : a?.DeepClone())]),
            ("sub_event_type", { } t) => AcledSubEventType.All.FirstOrDefault(st => string.Equals(st.Label, t, StringComparison.OrdinalIgnoreCase))?.Label
                ?? throw new PlainValueException($"'{t}' is not an ACLED sub-event type{Hint(NearestName.Of(t, AcledSubEventType.All.Select(st => st.Label)))}"),
            ("quantities", null) when value is JsonObject counts => Quantities(record, counts),
            _ => value?.DeepClone(),
        };
    }

    private JsonObject Quantities(JsonObject record, JsonObject counts)
    {
        var copy = new JsonObject();
        record["quantities"] = copy;
        foreach (var (name, count) in counts)
        {
            SetQuantity(record, name, count, count is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : null);
        }

        return (JsonObject)record["quantities"]!.DeepClone();
    }

    private static void SetQuantity(JsonObject record, string name, JsonNode? value, string? text)
    {
        if (record["quantities"] is not JsonObject counts)
        {
            counts = [];
            record["quantities"] = counts;
        }

        if (value is null || text is "" || (text is not null && text.Equals("none", StringComparison.OrdinalIgnoreCase)))
        {
            counts.Remove(name);
        }
        else if (text is not null)
        {
            counts[name] = Node(PlainQuantity.Parse(text));
        }
        else if (value is JsonValue number && number.TryGetValue<int>(out var n))
        {
            counts[name] = Node(Domain.Common.Quantity.Exactly(n));
        }
        else
        {
            counts[name] = value.DeepClone();
        }
    }

    private static string Hint(string? nearest) => nearest is null ? string.Empty : $" (nearest: {nearest})";

    private static JsonNode Node<T>(T value) => JsonSerializer.SerializeToNode(value, MarsadJson.Options)!;
}
