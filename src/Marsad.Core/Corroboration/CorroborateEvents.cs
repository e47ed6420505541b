using Marsad.Core.Grading;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Domain.Events;

namespace Marsad.Core.Corroboration;

/// <summary>
/// <c>marsad corroborate</c>: finds events that several documents report, merges each group into one
/// event (the others point to it with <see cref="ConflictEvent.MergedInto"/>, so the merge can be
/// undone), and grades every standing event from its sources. Each change is a revision with its
/// reasons. Writes go in batches, each all or nothing; a group someone edited meanwhile is left for the next run.
/// </summary>
public sealed class CorroborateEvents(IMarsadStore store, CorroborationOptions options)
{
    private const int GroupsPerBatch = 1000;
    private const int EventsPerGradingBatch = 5000;

    public async Task<CorroborationOutcome> RunAsync(ChangeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signatures = await store.Events.SignaturesAsync(cancellationToken);
        var byId = signatures.ToDictionary(s => s.Id);
        var result = new Corroborator(options).Run(signatures);
        var scorer = new PairScorer(options);
        var merges = new List<MergeRecord>();
        var skipped = 0;
        foreach (var batch in result.Groups.Chunk(GroupsPerBatch))
        {
            var stored = await store.Records.GetManyAsync<ConflictEvent>([.. batch.SelectMany(g => g)], cancellationToken);
            var plans = batch.Select(g => Plan(g, stored, byId, scorer, context)).OfType<GroupPlan>().ToList();
            try
            {
                await store.Records.UpdateManyAsync([.. plans.SelectMany(p => p.Updates)], cancellationToken);
                merges.AddRange(plans.Select(p => p.Merge));
            }
            catch (ConcurrencyConflictException)
            {
                // Someone saved one of these meanwhile: apply group by group so only the edited groups wait.
                foreach (var group in batch)
                {
                    var fresh = await store.Records.GetManyAsync<ConflictEvent>(group, cancellationToken);
                    if (Plan(group, fresh, byId, scorer, context) is not { } plan)
                    {
                        continue;
                    }

                    try
                    {
                        await store.Records.UpdateManyAsync(plan.Updates, cancellationToken);
                        merges.Add(plan.Merge);
                    }
                    catch (ConcurrencyConflictException)
                    {
                        skipped++;
                    }
                }
            }
        }

        var graded = merges.Count + await GradeSinglesAsync(signatures, result.Groups.SelectMany(g => g).ToHashSet(), context, cancellationToken);
        return new CorroborationOutcome(merges, graded, skipped, result.ComparedPairs);
    }

    /// <summary>The event with the grade its documents' sources and its reports' attributions give, unless an editor fixed it.</summary>
    internal async Task<ConflictEvent> WithGradeAsync(ConflictEvent e, IEnumerable<string?> attributions, CancellationToken cancellationToken)
    {
        var sources = await store.Events.SourceNamesAsync(e.DocumentIds, cancellationToken);
        return Graded(e, sources, attributions);
    }

    private static ConflictEvent Graded(ConflictEvent e, IReadOnlyCollection<string> sources, IEnumerable<string?> attributions)
    {
        if (e.GradeFixed)
        {
            return e;
        }

        var (grade, reason) = EventGrader.Grade(e, sources, [.. attributions.OfType<string>()]);
        return e with { Grade = grade, GradeReason = reason };
    }

    /// <summary>The updates that merge one group into its strongest event, or null when its events are gone.</summary>
    private static GroupPlan? Plan(IReadOnlyList<Guid> group, IReadOnlyDictionary<Guid, StoredRecord<ConflictEvent>> stored, Dictionary<Guid, EventSignature> byId, PairScorer scorer, ChangeContext context)
    {
        var members = group.Where(stored.ContainsKey).Select(id => stored[id]).ToList();
        if (members.Count < 2)
        {
            return null;
        }

        var canonical = members.OrderByDescending(m => Rank(m.Value.Status)).ThenByDescending(m => m.Value.DocumentIds.Length).ThenBy(m => m.Value.Id).First();
        var updates = new List<(ConflictEvent, long, ChangeContext)>();
        var reasons = new List<string>();
        foreach (var other in members.Where(m => m.Value.Id != canonical.Value.Id))
        {
            var why = string.Join("; ", scorer.Explain(byId[canonical.Value.Id], byId[other.Value.Id]).Reasons);
            updates.Add((other.Value with { MergedInto = canonical.Value.Id }, other.Version, Because(context, $"same incident as event {canonical.Value.Id}: {why}")));
            reasons.Add(why);
        }

        var sources = members.SelectMany(m => byId[m.Value.Id].Sources).Distinct(StringComparer.Ordinal).ToList();
        var merged = canonical.Value with { DocumentIds = [.. members.SelectMany(m => m.Value.DocumentIds).Distinct()] };
        updates.Add((Graded(merged, sources, members.Select(m => m.Value.Actor1)), canonical.Version, Because(context, $"corroborated by {members.Count} reports")));
        return new GroupPlan(updates, new MergeRecord(canonical.Value.Id, [.. members.Where(m => m != canonical).Select(m => m.Value.Id)], string.Join(" | ", reasons)));
    }

    private async Task<int> GradeSinglesAsync(IReadOnlyList<EventSignature> signatures, HashSet<Guid> grouped, ChangeContext context, CancellationToken cancellationToken)
    {
        var graded = 0;
        var why = Because(context, "graded from its sources");
        foreach (var batch in signatures.Where(s => !grouped.Contains(s.Id)).Chunk(EventsPerGradingBatch))
        {
            var stored = await store.Records.GetManyAsync<ConflictEvent>([.. batch.Select(s => s.Id)], cancellationToken);
            var updates = new List<(ConflictEvent, long, ChangeContext)>();
            foreach (var signature in batch)
            {
                if (stored.TryGetValue(signature.Id, out var e) && Graded(e.Value, signature.Sources, [e.Value.Actor1]) is var g
                    && (g.Grade != e.Value.Grade || g.GradeReason != e.Value.GradeReason))
                {
                    updates.Add((g, e.Version, why));
                }
            }

            try
            {
                await store.Records.UpdateManyAsync(updates, cancellationToken);
                graded += updates.Count;
            }
            catch (ConcurrencyConflictException)
            {
                // Grades are recomputed on every run; events edited meanwhile are graded next time.
            }
        }

        return graded;
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

    private sealed record GroupPlan(IReadOnlyList<(ConflictEvent Record, long ExpectedVersion, ChangeContext Context)> Updates, MergeRecord Merge);
}
