using System.Collections.Immutable;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Domain.Records;

/// <summary>A statement by a party (a ministry, a media outlet, an armed group) and the verdict on it, with its evidence.</summary>
public sealed record Claim
{
    public required Guid Id { get; init => field = value == Guid.Empty ? throw new DomainException("claim: id must not be empty") : value; }

    /// <summary>Who made the claim ("regime media").</summary>
    public required string Claimant { get; init => field = Required(value, "claimant"); }

    public required string Statement { get; init => field = Required(value, "statement"); }

    /// <summary>
    /// An English gloss of a statement in another language (word for word, with "…" where words were left out), for
    /// coders and searches that do not read it; the statement as written stays the record. Null when not needed.
    /// </summary>
    public string? Gloss { get; init => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }

    public Verdict Verdict { get; init => field = Enum.IsDefined(value) ? value : throw new DomainException($"claim: verdict {(int)value} is not defined"); } = Verdict.Unverified;

    /// <summary>When the claim was made or reported, if known.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Why the verdict is what it is: the evidence for it, in words.</summary>
    public string? VerdictReason { get; init; }

    /// <summary>Where the claim was made or what place it is about, if stated.</summary>
    public Location? Place { get; init; }

    /// <summary>Who decided the verdict (an editor, or the source whose finding it is).</summary>
    public string? VerdictBy { get; init => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }

    /// <summary>When the verdict was decided.</summary>
    public DateOnly? VerdictOn { get; init; }

    /// <summary>Set when an editor merged this claim into another that records the same statement.</summary>
    public Guid? MergedInto { get; init; }

    public Evidence Evidence { get; init => field = value ?? throw new DomainException("claim: evidence must not be null"); } = Evidence.None;

    public EventStatus Status { get; init => field = Enum.IsDefined(value) ? value : throw new DomainException($"claim: status {(int)value} is not defined"); } = EventStatus.Extracted;

    public ImmutableArray<Guid> DocumentIds { get; init => field = value.IsDefault ? throw new DomainException("claim: document ids must not be default") : value; } = [];

    public ImmutableArray<Guid> EventIds { get; init => field = value.IsDefault ? throw new DomainException("claim: event ids must not be default") : value; } = [];

    public bool Equals(Claim? other) => other is not null && Id == other.Id && Claimant == other.Claimant && Statement == other.Statement && Gloss == other.Gloss
        && Verdict == other.Verdict && Date == other.Date && VerdictReason == other.VerdictReason && Evidence == other.Evidence
        && Status == other.Status && DocumentIds.SequenceEqual(other.DocumentIds) && EventIds.SequenceEqual(other.EventIds)
        && Place == other.Place && VerdictBy == other.VerdictBy && VerdictOn == other.VerdictOn && MergedInto == other.MergedInto;

    public override int GetHashCode() => HashCode.Combine(Id, Claimant, Statement, Verdict);

    private static string Required(string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException($"claim: {field} is required") : value.Trim();
}
