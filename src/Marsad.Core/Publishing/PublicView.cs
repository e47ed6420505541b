using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Core.Access;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Records;

namespace Marsad.Core.Publishing;

/// <summary>
/// The access policy's public view as a table a public mirror is fed from (migration 0048 on PostgreSQL): each record
/// as the query layer shows it to <see cref="Role.Public"/>, so the mirror holds no rule of its own. The publication
/// is generated from this definition: its row filter keeps the rows the public may read, its column list the columns
/// it may read; the record's workflow status stays behind.
/// </summary>
public static class PublicView
{
    public const string Table = "public_view";

    public const string Publication = "marsad_public";

    /// <summary>The columns that leave the team's server; <c>stored_status</c> (extracted, verified, …) is the team's.</summary>
    public static IReadOnlyList<string> PublicColumns { get; } = ["kind", "record_id", "visible", "version", "record"];

    /// <summary>The rows that leave: those the query layer shows the public (published, not merged away, not withheld).</summary>
    public const string RowFilter = "visible";

    /// <summary>The record kinds of the view and the tables they come from; a write to any of them queues the record.</summary>
    public static IReadOnlyList<(string Kind, string Table)> Kinds { get; } =
        [("event", "events"), ("person", "persons"), ("claim", "claims"), ("allegation", "allegations"), ("source", "sources")];

    /// <summary>The publication, from the definition above (PostgreSQL 15's column lists and row filters).</summary>
    public static string PublicationSql => $"CREATE PUBLICATION {Publication} FOR TABLE {Table} ({string.Join(", ", PublicColumns)}) WHERE ({RowFilter})";

    /// <summary>The mirror's table: the public columns and nothing else.</summary>
    public static string MirrorTableSql =>
        $"CREATE TABLE IF NOT EXISTS {Table} (kind TEXT NOT NULL, record_id TEXT NOT NULL, visible BOOLEAN NOT NULL, version BIGINT NOT NULL, record TEXT, PRIMARY KEY (kind, record_id))";

    /// <summary>One record as the public reads it: null when it may not (unpublished, merged, gone, a confidential source).</summary>
    internal static async Task<JsonObject?> RenderAsync(IMarsadStore store, string kind, string id, IReadOnlyDictionary<string, Sources.SourceInfo> publicSources, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case "event":
                if (!Guid.TryParse(id, out var eventId) || await store.Events.FindAsync(eventId, Role.Public, cancellationToken) is not { } found)
                {
                    return null;
                }

                return Envelope(JsonSerializer.SerializeToNode(found.Event, MarsadJson.Options), found.Version, found.Sources, null);
            case "person":
                return await RegisterAsync<Person>(store, id, cancellationToken);
            case "claim":
                return await RegisterAsync<Claim>(store, id, cancellationToken);
            case "allegation":
                return await RegisterAsync<Allegation>(store, id, cancellationToken);
            case "source":
                if (!publicSources.TryGetValue(id, out var source))
                {
                    return null;
                }

                return new JsonObject
                {
                    ["name"] = source.Name,
                    ["kind"] = JsonSerializer.SerializeToNode(source.Kind, MarsadJson.Options),
                    ["url"] = source.Url,
                    ["reliability_note"] = source.ReliabilityNote,
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of the public view");
        }
    }

    private static async Task<JsonObject?> RegisterAsync<T>(IMarsadStore store, string id, CancellationToken cancellationToken) where T : class =>
        Guid.TryParse(id, out _) && await store.Registers.FindAsync<T>(id, Role.Public, cancellationToken) is { } item
            ? Envelope(JsonSerializer.SerializeToNode(item.Record, MarsadJson.Options), item.Version, item.Sources, typeof(T) == typeof(Person) ? item.Withheld : null)
            : null;

    private static JsonObject Envelope(JsonNode? record, long version, IReadOnlyList<string> sources, IReadOnlyList<string>? withheld)
    {
        var node = new JsonObject
        {
            ["record"] = record,
            ["version"] = version,
            ["sources"] = new JsonArray([.. sources.Select(s => (JsonNode?)JsonValue.Create(s))]),
        };
        if (withheld is not null)
        {
            node["withheld"] = new JsonArray([.. withheld.Select(s => (JsonNode?)JsonValue.Create(s))]);
        }

        return node;
    }
}
