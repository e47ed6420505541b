using Marsad.Core.Grading;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Domain.Events;

namespace Marsad.Core.Corroboration;

/// <summary>
/// <c>marsad corroborate</c>: finds events that several documents report, merges each group into one
/// event (the others point to it with <see cref="ConflictEvent.MergedInto"/>, so the merge can be
/// undone), and grades every standing event from its sources. Each change is a revision with its reasons.
/// </summary>
public sealed class CorroborateEvents(IMarsadStore store, CorroborationOptions options)
{
    public async Task<CorroborationOutcome> RunAsync(ChangeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signatures = await store.Events.SignaturesAsync(cancellationToken);
        var byId = signatures.ToDictionary(s => s.Id);
        var result = new Corroborator(options).Run(signatures);
        var scorer = new PairScorer(options);
        var merges = new List<MergeRecord>();
        var skipped = 0;
        var handled = new HashSet<Guid>();
        foreach (var group in result.Groups)
        {
            var members = new List<StoredRecord<ConflictEvent>>();
            foreach (var id in group)
            {
                if (await store.Records.GetAsync<ConflictEvent>(id, cancellationToken) is { } stored)
                {
                    members.Add(stored);
                }
            }

            var canonical = members.OrderByDescending(m => Rank(m.Value.Status)).ThenByDescending(m => m.Value.DocumentIds.Length).ThenBy(m => m.Value.Id).First();
            try
            {
                var merged = new List<Guid>();
                var reasons = new List<string>();
                foreach (var other in members.Where(m => m.Value.Id != canonical.Value.Id))
                {
                    var why = string.Join("; ", scorer.Explain(byId[canonical.Value.Id], byId[other.Value.Id]).Reasons);
                    await store.Records.UpdateAsync(other.Value with { MergedInto = canonical.Value.Id }, other.Version, Because(context, $"same incident as event {canonical.Value.Id}: {why}"), cancellationToken);
                    merged.Add(other.Value.Id);
                    reasons.Add(why);
                }

                var documents = members.SelectMany(m => m.Value.DocumentIds).Distinct().ToArray();
                var graded = await WithGradeAsync(canonical.Value with { DocumentIds = [.. documents] }, members.Select(m => m.Value.Actor1), cancellationToken);
                await store.Records.UpdateAsync(graded, canonical.Version, Because(context, $"corroborated by {merged.Count + 1} reports"), cancellationToken);
                merges.Add(new MergeRecord(canonical.Value.Id, merged, string.Join(" | ", reasons)));
                handled.UnionWith(group);
            }
            catch (ConcurrencyConflictException)
            {
                skipped++; // a coder saved one of these meanwhile: the next run sees their version
            }
        }

        var gradedCount = merges.Count;
        foreach (var signature in signatures.Where(s => !handled.Contains(s.Id)))
        {
            if (await store.Records.GetAsync<ConflictEvent>(signature.Id, cancellationToken) is not { } stored || stored.Value.GradeFixed)
            {
                continue;
            }

            var graded = await WithGradeAsync(stored.Value, [stored.Value.Actor1], cancellationToken);
            if (graded.Grade != stored.Value.Grade || graded.GradeReason != stored.Value.GradeReason)
            {
                await store.Records.UpdateAsync(graded, stored.Version, Because(context, "graded from its sources"), cancellationToken);
                gradedCount++;
            }
        }

        return new CorroborationOutcome(merges, gradedCount, skipped, result.ComparedPairs);
    }

    /// <summary>The event with the grade its documents' sources and its reports' attributions give, unless an editor fixed it.</summary>
    internal async Task<ConflictEvent> WithGradeAsync(ConflictEvent e, IEnumerable<string?> attributions, CancellationToken cancellationToken)
    {
        if (e.GradeFixed)
        {
            return e;
        }

        var sources = await store.Events.SourceNamesAsync(e.DocumentIds, cancellationToken);
        var (grade, reason) = EventGrader.Grade(e, sources, [.. attributions.OfType<string>()]);
        return e with { Grade = grade, GradeReason = reason };
    }

    private static int Rank(EventStatus status) => status switch
    {
        EventStatus.Published => 4,
        EventStatus.Verified => 3,
        EventStatus.Reviewed => 2,
        EventStatus.Extracted => 1,
        _ => 0,
    };

    private static ChangeContext Because(ChangeContext context, string reason) =>
        new(context.Author, context.Reason is null ? reason : $"{context.Reason}: {reason}");
}
