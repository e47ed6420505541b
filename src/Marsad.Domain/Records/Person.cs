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

    /// <summary>Where the person was last seen: an exact place, sensitive (see <see cref="PersonFields"/>).</summary>
    public Location? LastSeenAt { get; init; }

    /// <summary>The name in Arabic script, if known.</summary>
    public string? ArabicName { get; init => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }

    /// <summary>Sensitive.</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Family members, their situation; sensitive.</summary>
    public string? FamilyDetails { get; init => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }

    /// <summary>How to reach the family or a representative; sensitive.</summary>
    public string? Contacts { get; init => field = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }

    /// <summary>
    /// The status history, oldest first (abducted, last seen, released, confirmed dead, remains found); dated steps
    /// never go back in time. Empty for records made before histories were kept: <see cref="Status"/> alone then.
    /// </summary>
    public ImmutableArray<PersonStatusStep> History
    {
        get;
        init
        {
            DomainException.ThrowIf(value.IsDefault, "person: history must not be default");
            DomainException.ThrowIf(value.Any(s => s is null), "person: a history step is missing");
            DateOnly? previous = null;
            foreach (var step in value)
            {
                if (step.When is { } when)
                {
                    DomainException.ThrowIf(previous is { } p && when.Start < p, $"person: history step '{step.Status}' ({when.Start:yyyy-MM-dd}) is dated before the step before it");
                    previous = when.Start;
                }
            }

            field = value;
        }
    } = [];

    /// <summary>True until an editor marks the record public.</summary>
    public bool Sensitive { get; init; } = true;

    /// <summary>Sensitive fields (<see cref="PersonFields"/>) an editor released to everyone while the record stays sensitive.</summary>
    public ImmutableArray<string> PublicFields
    {
        get;
        init => field = value.IsDefault ? throw new DomainException("person: public fields must not be default")
            : value.FirstOrDefault(f => !PersonFields.Sensitive.Contains(f)) is { } unknown
                ? throw new DomainException($"person: '{unknown}' is not a sensitive field ({string.Join(", ", PersonFields.Sensitive.Order(StringComparer.Ordinal))})")
                : value;
    } = [];

    /// <summary>Set when an editor merged this record into another (a duplicate); the other carries its names, links and history.</summary>
    public Guid? MergedInto { get; init; }

    public Evidence Evidence { get; init => field = value ?? throw new DomainException("person: evidence must not be null"); } = Evidence.None;

    public EventStatus ReviewStatus { get; init => field = Enum.IsDefined(value) ? value : throw new DomainException($"person: review status {(int)value} is not defined"); } = EventStatus.Extracted;

    public ImmutableArray<Guid> DocumentIds { get; init => field = value.IsDefault ? throw new DomainException("person: document ids must not be default") : value; } = [];

    public ImmutableArray<Guid> EventIds { get; init => field = value.IsDefault ? throw new DomainException("person: event ids must not be default") : value; } = [];

    public bool Equals(Person? other) => other is not null && Id == other.Id && Name == other.Name && Aliases.SequenceEqual(other.Aliases)
        && Status == other.Status && GroupSize == other.GroupSize && Fate == other.Fate && HeldBy == other.HeldBy
        && LastSeen == other.LastSeen && LastSeenAt == other.LastSeenAt && Sensitive == other.Sensitive && Evidence == other.Evidence
        && ReviewStatus == other.ReviewStatus && DocumentIds.SequenceEqual(other.DocumentIds) && EventIds.SequenceEqual(other.EventIds)
        && ArabicName == other.ArabicName && DateOfBirth == other.DateOfBirth && FamilyDetails == other.FamilyDetails && Contacts == other.Contacts
        && History.SequenceEqual(other.History) && PublicFields.SequenceEqual(other.PublicFields) && MergedInto == other.MergedInto;

    public override int GetHashCode() => HashCode.Combine(Id, Name, Status);

    /// <summary>
    /// The person after a new status step: the step is appended, <see cref="Status"/> becomes its status, and a
    /// dated or placed sighting (abducted, detained, missing) becomes the last seen date and place.
    /// </summary>
    public Person WithStep(PersonStatusStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var sighting = step.Status is PersonStatus.Abducted or PersonStatus.Detained or PersonStatus.Missing;
        return this with
        {
            History = History.Add(step),
            Status = step.Status,
            LastSeen = sighting && step.When is not null ? step.When : LastSeen,
            LastSeenAt = sighting && step.Place is not null ? step.Place : LastSeenAt,
        };
    }

    /// <summary>Whether <paramref name="field"/> (one of <see cref="PersonFields"/>) may be shown to those who are not editors.</summary>
    public bool IsReleased(string field) => !Sensitive || PublicFields.Contains(field);
}
