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

        var known = MarsadJson.Options.GetTypeInfo(recordType).Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (field, _) in decision.Fields ?? [])
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

/// <summary>A decision the role may not take (HTTP 403); an <see cref="ArgumentException"/>, so callers that refuse bad decisions refuse it too.</summary>
public sealed class DecisionRefusedException(string message) : ArgumentException(message);
