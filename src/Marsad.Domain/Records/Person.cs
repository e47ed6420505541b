using System.Collections.Immutable;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Domain.Records;

/// <summary>
/// A detained, abducted, missing, killed or injured person, or a named group of them (with
/// <see cref="GroupSize"/>). Sensitive by default: exact places, dates and contacts are for editors
/// unless an editor marks the record public.
/// </summary>
public sealed record Person
{
    public required Guid Id { get; init => field = value == Guid.Empty ? throw new DomainException("person: id must not be empty") : value; }

    public required string Name { get; init => field = string.IsNullOrWhiteSpace(value) ? throw new DomainException("person: name is required") : value.Trim(); }

    public ImmutableArray<string> Aliases { get; init => field = value.IsDefault || value.Any(string.IsNullOrWhiteSpace) ? throw new DomainException("person: an alias is blank") : value; } = [];

    public required PersonStatus Status { get; init => field = Enum.IsDefined(value) ? value : throw new DomainException($"person: status {(int)value} is not defined"); }

    /// <summary>For a group ("hundreds of abductees from Afrin"): how many; null for one person.</summary>
    public Quantity? GroupSize { get; init; }

    /// <summary>What is known of the person's fate, in words ("fate unknown").</summary>
    public string? Fate { get; init; }

    /// <summary>Who holds the person, if known (a canonical actor name).</summary>
    public string? HeldBy { get; init; }

    public DateSpan? LastSeen { get; init; }

    public Location? LastSeenAt { get; init; }

    /// <summary>True until an editor marks the record public.</summary>
    public bool Sensitive { get; init; } = true;

    public Evidence Evidence { get; init => field = value ?? throw new DomainException("person: evidence must not be null"); } = Evidence.None;

    public EventStatus ReviewStatus { get; init => field = Enum.IsDefined(value) ? value : throw new DomainException($"person: review status {(int)value} is not defined"); } = EventStatus.Extracted;

    public ImmutableArray<Guid> DocumentIds { get; init => field = value.IsDefault ? throw new DomainException("person: document ids must not be default") : value; } = [];

    public ImmutableArray<Guid> EventIds { get; init => field = value.IsDefault ? throw new DomainException("person: event ids must not be default") : value; } = [];

    public bool Equals(Person? other) => other is not null && Id == other.Id && Name == other.Name && Aliases.SequenceEqual(other.Aliases)
        && Status == other.Status && GroupSize == other.GroupSize && Fate == other.Fate && HeldBy == other.HeldBy
        && LastSeen == other.LastSeen && LastSeenAt == other.LastSeenAt && Sensitive == other.Sensitive && Evidence == other.Evidence
        && ReviewStatus == other.ReviewStatus && DocumentIds.SequenceEqual(other.DocumentIds) && EventIds.SequenceEqual(other.EventIds);

    public override int GetHashCode() => HashCode.Combine(Id, Name, Status);
}
