using System.Collections.Frozen;
using Marsad.Core.Review;
using Marsad.Core.Storage.Json;

namespace Marsad.Core.Access;

/// <summary>
/// Which review decisions a role may take, in one place. A review decision is about a proposal still awaiting
/// review (status extracted): once a record is reviewed or published, its status, grade and merges are changed
/// only through their own use cases (<see cref="SetEventStatus"/>, <see cref="MergeEvents"/>, grading), which
/// are editors'. A decision names the version it was made on (so a stale decision is refused, never applied
/// over someone else's save), and every field it edits must be a field of the record that review may change:
/// an unknown name is an error, not silently dropped.
/// </summary>
public static class DecisionRights
{
    /// <summary>The status of a proposal awaiting review.</summary>
    public const string AwaitingReview = "extracted";

    /// <summary>Fields no review decision sets: identity, the status it sets itself, and the editors' grade and merges.</summary>
    private static readonly FrozenSet<string> NeverInReview = FrozenSet.ToFrozenSet(
        ["id", "status", "review_status", "event_type", "grade", "grade_fixed", "grade_reason", "merged_into", "document_ids"], StringComparer.Ordinal);

    /// <summary>A person's fields that only editors see or release: set with 'marsad persons update'.</summary>
    private static readonly FrozenSet<string> PersonEditorFields = FrozenSet.ToFrozenSet(
        ["date_of_birth", "family_details", "contacts", "public_fields", "sensitive"], StringComparer.Ordinal);

    /// <summary>Throws <see cref="DecisionRefusedException"/> (no right) or <see cref="ArgumentException"/> (not a valid decision).</summary>
    public static void Check(ReviewDecision decision, Role role, string? currentStatus, Type recordType)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(recordType);
        if (!role.EditsRecords())
        {
            throw new DecisionRefusedException($"a {RoleNames.Name(role)} may not take review decisions");
        }

        if (decision.Version is null)
        {
            throw new ArgumentException($"{decision.Kind} {decision.Id}: name the version you reviewed (\"version\"), so that a save made since is not overwritten", nameof(decision));
        }

        if (currentStatus != AwaitingReview)
        {
            throw new DecisionRefusedException($"{decision.Kind} {decision.Id} is {currentStatus ?? "not"} awaiting review: its status, grade and merges are changed by an editor (events status, merge, grade), not by a review decision");
        }

        if (decision.Action != ReviewAction.Edit)
        {
            return;
        }

        CheckFields(decision.Kind, decision.Id, decision.Fields, recordType);
    }

    /// <summary>Every field named must be one review may set on a record of this kind (an edit, or a part of a split).</summary>
    public static void CheckFields(string kind, Guid id, System.Text.Json.Nodes.JsonObject? fields, Type recordType)
    {
        ArgumentNullException.ThrowIfNull(recordType);
        var decision = (Kind: kind, Id: id);
        var known = MarsadJson.Options.GetTypeInfo(recordType).Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (field, _) in fields ?? [])
        {
            if (!known.Contains(field) && !(recordType == typeof(Domain.Events.ConflictEvent) && Review.PlainValues.PlainFields.IsEventAlias(field)))
            {
                throw new ArgumentException($"{decision.Kind} {decision.Id}: '{field}' is not a field of a {decision.Kind}", nameof(decision));
            }

            if (NeverInReview.Contains(field))
            {
                throw new DecisionRefusedException($"field '{field}' cannot be edited in review (an editor's own use case sets it)");
            }

            if (decision.Kind == "person" && PersonEditorFields.Contains(field))
            {
                throw new DecisionRefusedException($"field '{field}' of a person is for editors: use 'marsad persons update'");
            }
        }
    }
}

/// <summary>
/// Who may reshape what review sees, beside accepting and editing: split one proposal into several events, merge
/// events that report one incident, link an event to a person, claim or allegation. A coder reshapes proposals still
/// awaiting review; merging an event already reviewed, verified or published changes what others have decided on,
/// so it stays an editor's action (as the issue and DESIGN.md's review flow say).
/// </summary>
public static class ReshapeRights
{
    /// <summary>A split makes new proposals out of one: coders and up, and only while it awaits review.</summary>
    public static void CheckSplit(Role role, Domain.Events.ConflictEvent proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (!role.EditsRecords())
        {
            throw new DecisionRefusedException($"a {RoleNames.Name(role)} may not split proposals");
        }

        if (proposal.Status != Domain.Events.EventStatus.Extracted || proposal.MergedInto is not null)
        {
            throw new DecisionRefusedException($"event {proposal.Id} is not a proposal awaiting review: only those are split (an editor can reject it and add events)");
        }
    }

    /// <summary>
    /// Whether <see cref="CheckSplit"/> would let <paramref name="role"/> split (or undo a split of) <paramref name="proposal"/>:
    /// pages offer the action only then, and the server checks again when it is taken.
    /// </summary>
    public static bool MaySplit(Role role, Domain.Events.ConflictEvent proposal)
    {
        try
        {
            CheckSplit(role, proposal);
            return true;
        }
        catch (DecisionRefusedException)
        {
            return false;
        }
    }

    /// <summary>Merging proposals awaiting review is a coder's decision; once any of them is reviewed or further, an editor's.</summary>
    public static void CheckMerge(Role role, IEnumerable<Domain.Events.ConflictEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (!role.EditsRecords())
        {
            throw new DecisionRefusedException($"a {RoleNames.Name(role)} may not merge events");
        }

        if (role < Role.Editor && events.FirstOrDefault(e => e.Status != Domain.Events.EventStatus.Extracted) is { } decided)
        {
            throw new DecisionRefusedException($"event {decided.Id} is {decided.Status.ToString().ToLowerInvariant()}: merging events already decided on is an editor's action");
        }
    }

    /// <summary>Linking says a person, claim or allegation belongs to an event: coders and up, never to an event merged away (link its target).</summary>
    public static void CheckLink(Role role, Domain.Events.ConflictEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!role.EditsRecords())
        {
            throw new DecisionRefusedException($"a {RoleNames.Name(role)} may not link records");
        }

        if (e.MergedInto is { } into)
        {
            throw new ArgumentException($"event {e.Id} is merged into {into}: link that event instead");
        }
    }
}

/// <summary>A decision the role may not take (HTTP 403); an <see cref="ArgumentException"/>, so callers that refuse bad decisions refuse it too.</summary>
public sealed class DecisionRefusedException(string message) : ArgumentException(message);
