using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Core.Access;
using Marsad.Core.Records;
using Marsad.Core.Review.PlainValues;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Review;

/// <summary>
/// A coder splits one proposal (typically an aggregate: "strikes on Maarat al-Numan and Kafranbel killed 5") into
/// several events, each given in the plain values review reads. The proposal becomes the first part (so its id,
/// history and links stay), the others are new proposals from the same documents and evidence; all stay awaiting
/// review, and the whole split is one transaction of revisions.
/// </summary>
public sealed class SplitEvent(IMarsadStore store, TimeProvider time, PlainFields? plain = null)
{
    private readonly PlainFields fields = plain ?? PlainFields.Default;

    /// <summary>Returns the ids of the parts, the proposal's own first. <paramref name="version"/> is the one the coder looked at.</summary>
    public async Task<IReadOnlyList<Guid>> RunAsync(Guid id, long version, IReadOnlyList<JsonObject> parts, ChangeContext context, Role role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(context);
        if (parts.Count < 2)
        {
            throw new ArgumentException($"event {id}: a split makes at least two events; give the fields of each part (\"parts\": [{{…}}, {{…}}])", nameof(parts));
        }

        var stored = await store.Records.GetAsync<ConflictEvent>(id, cancellationToken) ?? throw new RecordNotFoundException($"no event with id {id}");
        if (stored.Version != version)
        {
            throw new ConcurrencyConflictException("event", id, version, stored.Version);
        }

        ReshapeRights.CheckSplit(role, stored.Value);

        // Each part is one incident, so the aggregate marker goes; the counts go too, or every part would carry the
        // whole figure and a sum over events would count it again: each part names its own ("fatalities": "2").
        var template = JsonSerializer.SerializeToNode(stored.Value with { Aggregate = null, Quantities = Quantities.Empty }, MarsadJson.Options)!.AsObject();
        var reason = context.Reason ?? "split";
        var saves = new List<RecordSave>(parts.Count);
        var ids = new List<Guid>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i] ?? throw new ArgumentException($"event {id}: part {i + 1} is empty", nameof(parts));
            DecisionRights.CheckFields("event", id, part, typeof(ConflictEvent));
            var node = (JsonObject)template.DeepClone();
            var partId = i == 0 ? id : Guid.CreateVersion7(time.GetUtcNow());
            node["id"] = partId.ToString("D");
            foreach (var (field, value) in part)
            {
                try
                {
                    fields.SetEventField(node, field, value);
                }
                catch (PlainValueException ex)
                {
                    throw new PlainValueException($"part {i + 1}, {field}: {ex.Message}", ex.Candidates);
                }
            }

            ConflictEvent e;
            try
            {
                e = node.Deserialize<ConflictEvent>(MarsadJson.Options) ?? throw new JsonException("empty event");
            }
            catch (Exception ex) when (ex is JsonException or DomainException or InvalidOperationException)
            {
                throw new ArgumentException($"event {id}: part {i + 1} is not a valid event: {ex.Message}", nameof(parts), ex);
            }

            ids.Add(partId);
            var why = i == 0 ? $"{reason}: part 1 of {parts.Count}" : $"{reason}: part {i + 1} of {parts.Count}, split from event {id}";
            saves.Add(new RecordSave(e, i == 0 ? version : null, new ChangeContext(context.Author, why)));
        }

        await store.Records.SaveManyAsync(saves, cancellationToken);
        return ids;
    }
}
