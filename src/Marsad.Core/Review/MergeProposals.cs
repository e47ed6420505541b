using Marsad.Core.Access;
using Marsad.Core.Corroboration;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Domain.Events;

namespace Marsad.Core.Review;

/// <summary>
/// The workbench's merge: two or more events report one incident. A coder may merge proposals still awaiting review;
/// once any of them is reviewed or further it is an editor's merge (<see cref="ReshapeRights.CheckMerge"/>). The merge
/// itself is <see cref="MergeEvents"/>'s, so it is undone the same way and is one transaction of revisions.
/// </summary>
public sealed class MergeProposals(IMarsadStore store, CorroborationOptions? options = null)
{
    /// <summary>Returns the target's new version. <paramref name="targetVersion"/> is the one the person looked at.</summary>
    public async Task<long> RunAsync(Guid target, IReadOnlyList<Guid> merged, long? targetVersion, ChangeContext context, Role role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(merged);
        var stored = await store.Records.GetManyAsync<ConflictEvent>([target, .. merged], cancellationToken);
        if (merged.Prepend(target).FirstOrDefault(id => !stored.ContainsKey(id)) is { } missing && missing != Guid.Empty)
        {
            throw new RecordNotFoundException($"no event with id {missing}");
        }

        if (targetVersion is { } seen && stored.TryGetValue(target, out var t) && t.Version != seen)
        {
            throw new ConcurrencyConflictException("event", target, seen, t.Version);
        }

        ReshapeRights.CheckMerge(role, stored.Values.Select(s => s.Value));
        return await new MergeEvents(store, options ?? new CorroborationOptions()).RunAsync(target, merged, context, targetVersion, cancellationToken);
    }
}
