using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Domain.Events;

namespace Marsad.Core.Corroboration;

/// <summary>
/// Undoes a merge: the merged event stands on its own again and the event it was merged into gives
/// back its documents and is graded again. Both changes are revisions; the earlier ones stay in the chain.
/// </summary>
public sealed class UndoMerge(IMarsadStore store, CorroborationOptions options)
{
    public async Task<Guid> RunAsync(Guid mergedEventId, ChangeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var merged = await store.Records.GetAsync<ConflictEvent>(mergedEventId, cancellationToken)
            ?? throw new RecordNotFoundException($"no event with id {mergedEventId}");
        if (merged.Value.MergedInto is not { } intoId)
        {
            throw new InvalidOperationException($"event {mergedEventId} is not merged into another event");
        }

        var into = await store.Records.GetAsync<ConflictEvent>(intoId, cancellationToken)
            ?? throw new RecordNotFoundException($"event {mergedEventId} is merged into {intoId}, which does not exist");

        // Merged events come from other sources, hence other documents: what the merge added is exactly the merged event's documents.
        var remaining = into.Value with { DocumentIds = [.. into.Value.DocumentIds.Except(merged.Value.DocumentIds)] };
        var grading = new CorroborateEvents(store, options);
        var regraded = await grading.WithGradeAsync(remaining, [remaining.Actor1], cancellationToken);
        await store.Records.UpdateAsync(regraded, into.Version, new ChangeContext(context.Author, context.Reason ?? $"merge of event {mergedEventId} undone"), cancellationToken);
        var freed = await grading.WithGradeAsync(merged.Value with { MergedInto = null }, [merged.Value.Actor1], cancellationToken);
        await store.Records.UpdateAsync(freed, merged.Version, new ChangeContext(context.Author, context.Reason ?? $"no longer merged into event {intoId}"), cancellationToken);
        return intoId;
    }
}
