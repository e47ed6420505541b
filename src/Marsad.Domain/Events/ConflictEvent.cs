using System.Collections.Immutable;
using Marsad.Domain.Common;

namespace Marsad.Domain.Events;

/// <summary>
/// One incident (DESIGN's "Event"), ACLED-compatible where ACLED has a field. The event type is
/// the parent of <see cref="SubEventType"/>, so the two can never disagree. Actors are canonical
/// lexicon names; actor1 is the one who acted, actor2 the one acted upon (the target of violence
/// against civilians is actor2). Immutable: change it with <c>with</c>; every setter checks its value.
/// </summary>
public sealed record ConflictEvent
{
    public required Guid Id
    {
        get;
        init
        {
            DomainException.ThrowIf(value == Guid.Empty, "event: id must not be empty");
            field = value;
        }
    }

    public required AcledSubEventType SubEventType
    {
        get;
        init => field = value ?? throw new DomainException("event: sub-event type is required");
    }

    public AcledEventType EventType => SubEventType.EventType;

    /// <summary>Finer kinds than ACLED's sub-types: convoy, exercise, joint operation, drone, prisoner transfer, ...</summary>
    public ImmutableArray<string> Tags
    {
        get;
        init
        {
            DomainException.ThrowIf(value.IsDefault, "event: tags must not be default");
            DomainException.ThrowIf(value.Any(string.IsNullOrWhiteSpace), "event: a tag is blank");
            field = value;
        }
    } = [];

    public required DateSpan Date
    {
        get;
        init => field = value ?? throw new DomainException("event: date is required");
    }

    /// <summary>The text's own time words ("in the early hours of Friday") when <see cref="Date"/> is <see cref="DateSpan.Unresolved"/>.</summary>
    public string? DateText { get; init => field = NullIfBlank(value); }

    public string? Actor1 { get; init => field = NullIfBlank(value); }

    public string? Actor2 { get; init => field = NullIfBlank(value); }

    public ImmutableArray<string> AssocActor1 { get; init => field = CheckActors(value, "assoc_actor_1"); } = [];

    public ImmutableArray<string> AssocActor2 { get; init => field = CheckActors(value, "assoc_actor_2"); } = [];

    public Location? Location { get; init; }

    public Quantities Quantities
    {
        get;
        init => field = value ?? throw new DomainException("event: quantities must not be null (use Quantities.Empty)");
    } = Quantities.Empty;

    public Aggregate? Aggregate { get; init; }

    public Evidence Evidence
    {
        get;
        init => field = value ?? throw new DomainException("event: evidence must not be null (use Evidence.None)");
    } = Evidence.None;

    /// <summary>A short summary of what happened, in the coder's or the source's words.</summary>
    public string? Summary { get; init; }

    /// <summary>How sure extraction was, 0..1; null for events entered by hand.</summary>
    public double? Confidence
    {
        get;
        init
        {
            DomainException.ThrowIf(value is < 0 or > 1 || (value is { } v && double.IsNaN(v)), $"event: confidence {value} is outside 0..1");
            field = value;
        }
    }

    public EventStatus Status
    {
        get;
        init
        {
            DomainException.ThrowIf(!Enum.IsDefined(value), $"event: status {(int)value} is not defined");
            field = value;
        }
    } = EventStatus.Extracted;

    public Grade? Grade
    {
        get;
        init
        {
            DomainException.ThrowIf(value is { } g && !Enum.IsDefined(g), $"event: grade {(int?)value} is not defined");
            field = value;
        }
    }

    /// <summary>Every document that reports this event.</summary>
    public ImmutableArray<Guid> DocumentIds
    {
        get;
        init
        {
            DomainException.ThrowIf(value.IsDefault, "event: document ids must not be default");
            DomainException.ThrowIf(value.Contains(Guid.Empty), "event: a document id is empty");
            field = value;
        }
    } = [];

    /// <summary>
    /// Set when corroboration (or an editor) found that this event reports the same incident as another:
    /// it then lives on inside that event and is left out of lists, and undoing the merge clears it.
    /// </summary>
    public Guid? MergedInto
    {
        get;
        init
        {
            DomainException.ThrowIf(value == Guid.Empty, "event: merged-into id must not be empty");
            field = value;
        }
    }

    /// <summary>Why the grade is what it is ("two independent sources: A, B").</summary>
    public string? GradeReason { get; init; }

    /// <summary>True when an editor set the grade by hand: recomputing grades then leaves it alone.</summary>
    public bool GradeFixed { get; init; }

    /// <summary>Set for events imported from a dataset (ACLED, UCDP): the row they came from and its values.</summary>
    public EventOrigin? Origin { get; init; }

    public bool Equals(ConflictEvent? other) => other is not null && Id == other.Id && SubEventType == other.SubEventType && Tags.SequenceEqual(other.Tags)
        && Date == other.Date && Actor1 == other.Actor1 && Actor2 == other.Actor2 && AssocActor1.SequenceEqual(other.AssocActor1)
        && AssocActor2.SequenceEqual(other.AssocActor2) && Location == other.Location && Quantities.Equals(other.Quantities)
        && Aggregate == other.Aggregate && Evidence == other.Evidence && Summary == other.Summary && Confidence == other.Confidence
        && Status == other.Status && Grade == other.Grade && DocumentIds.SequenceEqual(other.DocumentIds)
        && MergedInto == other.MergedInto && GradeReason == other.GradeReason && GradeFixed == other.GradeFixed && Origin == other.Origin;

    public override int GetHashCode() => HashCode.Combine(Id, SubEventType, Date, Status);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ImmutableArray<string> CheckActors(ImmutableArray<string> value, string field)
    {
        DomainException.ThrowIf(value.IsDefault, $"event: {field} must not be default");
        DomainException.ThrowIf(value.Any(string.IsNullOrWhiteSpace), $"event: {field} has a blank actor");
        return value;
    }
}
