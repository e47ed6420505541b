using Marsad.Core.Corroboration;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Domain.Events;

namespace Marsad.Core.Review;

/// <summary>
/// A person's merge: these events report the same incident as <c>target</c>. Like corroboration's merges,
/// the others point to the target (so <see cref="UndoMerge"/> can take them apart), the target gathers their
/// documents and is graded again, and all of it is one transaction of revisions.
/// </summary>
public sealed class MergeEvents(IMarsadStore store, CorroborationOptions options)
{
    /// <summary>Merges; returns the target's new version. Versions, when given, are the ones the person looked at.</summary>
    public async Task<long> RunAsync(Guid target, IReadOnlyList<Guid> merged, ChangeContext context, long? targetVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(context);
        if (merged.Count == 0 || merged.Contains(target))
        {
            throw new ArgumentException("name at least one event to merge, other than the target", nameof(merged));
        }

        var stored = await store.Records.GetManyAsync<ConflictEvent>([target, .. merged], cancellationToken);
        foreach (var id in merged.Prepend(target))
        {
            if (!stored.TryGetValue(id, out var e))
            {
                throw new RecordNotFoundException($"no event with id {id}");
            }

            if (e.Value.MergedInto is { } into)
            {
                throw new ArgumentException($"event {id} is already merged into {into}", nameof(merged));
            }
        }

        var canonical = stored[target];
        var reason = context.Reason ?? "merged by hand";
        var updates = merged.Select(id => (stored[id].Value with { MergedInto = target }, stored[id].Version, new ChangeContext(context.Author, $"{reason}: same incident as event {target}"))).ToList();
        var joined = canonical.Value with { DocumentIds = [.. merged.Prepend(target).SelectMany(id => stored[id].Value.DocumentIds).Distinct()] };
        var graded = await new CorroborateEvents(store, options).WithGradeAsync(joined, merged.Prepend(target).Select(id => stored[id].Value.Actor1), cancellationToken);
        updates.Add((graded, targetVersion ?? canonical.Version, new ChangeContext(context.Author, $"{reason}: joined by {merged.Count} event(s)")));
        await store.Records.UpdateManyAsync(updates, cancellationToken);
        return (await store.Records.GetAsync<ConflictEvent>(target, cancellationToken))!.Version;
    }
}
