using System.Text.Json;
using Marsad.Core.Grading;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Events;

namespace Marsad.Core.Corroboration;

/// <summary>
/// <c>marsad corroborate</c>: finds events that several documents report, merges each group into one
/// event (the others point to it with <see cref="ConflictEvent.MergedInto"/>, so the merge can be
/// undone), and grades every standing event from its sources. Each change is a revision with its reasons.
/// </summary>
/// <remarks>
/// It plans from one snapshot of the standing events, then applies the plan in a single write
/// transaction that walks the events table in storage order: a run over a million events rewrites
/// each page about once, and either all of it is saved or none. A group any of whose events changed
/// after the snapshot is left for the next run; so is an event graded on its own.
/// </remarks>
public sealed class CorroborateEvents(IMarsadStore store, CorroborationOptions options)
{
    /// <summary>
    /// Passes until one merges nothing: a merged event carries its group's documents, sources and places, and can then
    /// match an event none of its members matched alone. Stopping earlier left merges for the next run (five runs on one
    /// record merged 2,807, then 378, 60, 9, 1); a run now ends at the fixed point, so a second run merges nothing.
    /// Each pass is its own transaction, so an interrupted run keeps the passes it finished and a re-run does the rest.
    /// </summary>
    public async Task<CorroborationOutcome> RunAsync(ChangeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var merges = new List<MergeRecord>();
        int graded = 0, skipped = 0;
        long compared = 0;
        while (true)
        {
            var pass = await PassAsync(context, cancellationToken);
            merges.AddRange(pass.Merges);
            graded += pass.Graded;
            skipped = pass.SkippedForConflicts;
            compared += pass.ComparedPairs;
            if (pass.Merges.Count == 0)
            {
                return new CorroborationOutcome(merges, graded, skipped, compared);
            }
        }
    }

    private async Task<CorroborationOutcome> PassAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var snapshot = await store.Events.SnapshotAsync(cancellationToken);
        var standing = snapshot.Events;
        var result = new Corroborator(options).Run([.. standing.Select(e => e.Signature)]);
        var index = new Dictionary<Guid, int>(standing.Count);
        for (var i = 0; i < standing.Count; i++)
        {
            index[standing[i].Signature.Id] = i;
        }

        await using var rewrite = await store.Records.BeginBulkRewriteAsync(cancellationToken);
        var changed = await rewrite.ChangedSinceAsync<ConflictEvent>(snapshot.Revision, cancellationToken);
        var plans = new GroupPlan?[standing.Count];
        var merges = new List<MergeRecord>();
        var skipped = 0;
        var scorer = new PairScorer(options);
        foreach (var group in result.Groups)
        {
            if (group.Any(changed.Contains))
            {
                skipped++;
                continue;
            }

            var plan = Plan([.. group.Select(id => standing[index[id]])], scorer, context);
            foreach (var id in group)
            {
                plans[index[id]] = plan;
            }

            merges.Add(plan.Merge);
        }

        var graded = merges.Count;
        var why = Because(context, "graded from its sources");
        await foreach (var stored in rewrite.ReadAsync<ConflictEvent>(id => index.ContainsKey(id) && !changed.Contains(id), cancellationToken))
        {
            var i = index[stored.Id];
            var signature = standing[i].Signature;
            if (plans[i] is { } plan)
            {
                var (fields, because) = plan.Change(stored, signature, scorer);
                await rewrite.PatchAsync<ConflictEvent>(stored, fields, because, cancellationToken);
                continue;
            }

            var read = Read(stored);
            if (!read.GradeFixed && EventGrader.Grade(read.Tags, signature.Actor1, signature.Sources, signature.Actor1 is { } a ? [a] : []) is var (grade, reason)
                && (grade != read.Grade || reason != read.GradeReason))
            {
                await rewrite.PatchAsync<ConflictEvent>(stored, [new FieldValue("grade", grade), new FieldValue("grade_reason", reason)], why, cancellationToken);
                graded++;
            }
        }

        await rewrite.CommitAsync(cancellationToken);
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

    private static GradingFields Read(StoredJson e) => JsonSerializer.Deserialize<GradingFields>(e.Payload, MarsadJson.Options)
        ?? throw new InvalidDataException($"stored event {e.Id} has a null payload");

    /// <summary>
    /// How one group merges into its strongest event, from the snapshot alone: each event's change can
    /// then be made when the walk reaches its row, whichever of the group comes first.
    /// </summary>
    private static GroupPlan Plan(List<StandingEvent> members, PairScorer scorer, ChangeContext context)
    {
        var canonical = members.OrderByDescending(m => Rank(m.Status)).ThenByDescending(m => m.DocumentIds.Count).ThenBy(m => m.Signature.Id).First();
        var others = members.Where(m => m != canonical).ToList();
        return new GroupPlan(
            canonical.Signature,
            [.. others.SelectMany(m => m.DocumentIds)],
            [.. members.SelectMany(m => m.Signature.Sources).Distinct(StringComparer.Ordinal)],
            [.. members.Select(m => m.Signature.Actor1)],
            Because(context, $"corroborated by {members.Count} reports"),
            context,
            new MergeRecord(canonical.Signature.Id, [.. others.Select(m => m.Signature.Id)], string.Join(" | ", others.Select(m => Why(scorer, canonical.Signature, m.Signature)))));
    }

    private static string Why(PairScorer scorer, EventSignature canonical, EventSignature other) => string.Join("; ", scorer.Explain(canonical, other).Reasons);

    private static int Rank(string status) => status switch
    {
        "published" => 4,
        "verified" => 3,
        "reviewed" => 2,
        "extracted" => 1,
        _ => 0,
    };

    private static ChangeContext Because(ChangeContext context, string reason) =>
        new(context.Author, context.Reason is null ? reason : $"{context.Reason}: {reason}");

    /// <summary>One group's merge: the event it keeps, what the others bring to it, and why each joins.</summary>
    private sealed record GroupPlan(
        EventSignature Canonical,
        IReadOnlyList<Guid> OtherDocuments,
        IReadOnlyList<string> Sources,
        IReadOnlyList<string?> Attributions,
        ChangeContext CanonicalContext,
        ChangeContext Context,
        MergeRecord Merge)
    {
        /// <summary>
        /// The canonical event takes every document and is graded; each other event points to it, with the
        /// reasons (worked out again here rather than held for a million events).
        /// </summary>
        public (IReadOnlyList<FieldValue> Fields, ChangeContext Because) Change(StoredJson e, EventSignature signature, PairScorer scorer)
        {
            if (e.Id != Canonical.Id)
            {
                return ([new FieldValue("merged_into", Canonical.Id)], Because(Context, $"same incident as event {Canonical.Id}: {Why(scorer, Canonical, signature)}"));
            }

            var read = Read(e);
            List<FieldValue> fields = [new FieldValue("document_ids", read.DocumentIds.Concat(OtherDocuments).Distinct().ToArray())];
            if (!read.GradeFixed)
            {
                var (grade, reason) = EventGrader.Grade(read.Tags, signature.Actor1, Sources, [.. Attributions.OfType<string>()]);
                fields.Add(new FieldValue("grade", grade));
                fields.Add(new FieldValue("grade_reason", reason));
            }

            return (fields, CanonicalContext);
        }
    }
}
