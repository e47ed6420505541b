using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Core.Access;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Events;

namespace Marsad.Core.Review;

/// <summary>
/// Undoes a split made in review (<see cref="SplitEvent"/>) while every part still awaits review and none changed since:
/// the proposal gets back the fields the split changed (read from the split's own revision, which records each field's
/// old value) and the other parts are folded back into it (merged into it, so they leave the lists). One transaction of
/// revisions; the split's revisions stay in the chain. A part that moved on (edited, accepted) makes the undo refused,
/// since putting the proposal back would silently drop that work.
/// </summary>
public sealed partial class UndoSplit(IMarsadStore store)
{
    /// <summary>
    /// The split an event awaiting review came out of, as the review queue offers its undo: the proposal that was split
    /// (the event itself when its last revision is the split's "part 1 of N", or the proposal a part's only revision names)
    /// and how many events the split made; null when the event's last change is no split. <see cref="RunAsync"/> checks
    /// the rest (every part unchanged) when the undo is asked for.
    /// </summary>
    public async Task<SplitOrigin?> OriginAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var last = await store.Audit.ListAsync(id, 1, cancellationToken);
        if (last.Count == 0 || last[^1].Reason is not { } reason)
        {
            return null;
        }

        if (PartOne().Match(reason) is { Success: true } one)
        {
            return new SplitOrigin(id, int.Parse(one.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return PartK().Match(reason) is { Success: true } k && Guid.TryParse(k.Groups[2].Value, out var proposal)
            ? new SplitOrigin(proposal, int.Parse(k.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    // The reasons SplitEvent writes: "…: part 1 of N" on the proposal, "…: part K of N, split from event ID" on each new part.
    // N has at most 6 digits: a reason a coder typed can end the same way, and "part 1 of 99999999999" overflowed int.Parse
    // (an OverflowException that ended a review batch and the review queue's page).
    [System.Text.RegularExpressions.GeneratedRegex(@": part 1 of (\d{1,6})$")]
    private static partial System.Text.RegularExpressions.Regex PartOne();

    [System.Text.RegularExpressions.GeneratedRegex(@": part \d+ of (\d{1,6}), split from event ([0-9a-fA-F-]{36})$")]
    private static partial System.Text.RegularExpressions.Regex PartK();

    /// <summary>Returns the ids of the parts folded back. <paramref name="id"/> is the split proposal (its first part).</summary>
    public async Task<IReadOnlyList<Guid>> RunAsync(Guid id, ChangeContext context, Role role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stored = await store.Records.GetAsync<ConflictEvent>(id, cancellationToken) ?? throw new RecordNotFoundException($"no event with id {id}");
        // The same rights and state as the split itself: a coder's action on proposals awaiting review.
        ReshapeRights.CheckSplit(role, stored.Value);
        var history = await store.Audit.ListAsync(id, 2, cancellationToken);
        // The log lists the newest revisions, oldest first.
        var split = history.Count > 0 ? history[^1] : null;
        var partOne = split?.Reason is { } reason ? PartOne().Match(reason) : null;
        if (split is null || partOne is not { Success: true })
        {
            throw new DecisionRefusedException($"event {id}: its last change is not a split (or it changed since): there is no split to undo");
        }

        var count = int.Parse(partOne.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var marker = $"split from event {id:D}";
        var parts = new List<StoredRecord<ConflictEvent>>();
        foreach (var documentId in stored.Value.DocumentIds)
        {
            foreach (var (kind, other) in await store.Records.OfDocumentAsync(documentId, cancellationToken))
            {
                if (kind != "event" || other == id || parts.Any(p => p.Value.Id == other))
                {
                    continue;
                }

                // A part of this split was added in the split's own transaction, right after the proposal's revision;
                // parts of an earlier split of the same proposal (folded back, or decided on) are not this split's.
                var made = await store.Audit.ListAsync(other, 1000, cancellationToken);
                var first = made.Count > 0 ? made[0] : null;
                if (first is null || first.Sequence <= split.Sequence || first.Sequence >= split.Sequence + count || first.Reason?.EndsWith(marker, StringComparison.Ordinal) != true)
                {
                    continue;
                }

                var part = await store.Records.GetAsync<ConflictEvent>(other, cancellationToken);
                if (made.Count > 1 || part is null || part.Value.Status != EventStatus.Extracted || part.Value.MergedInto is not null)
                {
                    throw new DecisionRefusedException($"event {id}: part {other} changed since the split; undo refused (reject or merge it instead)");
                }

                parts.Add(part);
            }
        }

        if (parts.Count != count - 1)
        {
            throw new DecisionRefusedException($"event {id}: the split made {count} events but {parts.Count + 1} stand as it left them; undo refused");
        }

        // Each field the split changed goes back to its old value. A null old value is written back as null, not
        // removed: an undated proposal's date is a null the event needs (removing it made the record unreadable),
        // and a field the split added (old null) reads back as absent either way.
        var node = JsonSerializer.SerializeToNode(stored.Value, MarsadJson.Options)!.AsObject();
        using (var changes = JsonDocument.Parse(split.Changes))
        {
            foreach (var field in changes.RootElement.EnumerateObject())
            {
                if (field.Value.TryGetProperty("old", out var old))
                {
                    node[field.Name] = old.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(old.GetRawText());
                }
                else
                {
                    node.Remove(field.Name);
                }
            }
        }

        var restored = node.Deserialize<ConflictEvent>(MarsadJson.Options) ?? throw new JsonException($"event {id}: the state before the split could not be read");
        var why = context.Reason ?? "split undone";
        var saves = new List<RecordSave> { new(restored, stored.Version, new ChangeContext(context.Author, why)) };
        saves.AddRange(parts.Select(p => new RecordSave(p.Value with { MergedInto = id }, p.Version, new ChangeContext(context.Author, $"{why}: folded back into event {id:D}"))));
        await store.Records.SaveManyAsync(saves, cancellationToken);
        return [.. parts.Select(p => p.Value.Id)];
    }
}

/// <summary>The proposal a split was made from (<see cref="UndoSplit"/> undoes it by this id) and how many events the split made.</summary>
public sealed record SplitOrigin(Guid Proposal, int Parts);
