using System.Collections.Immutable;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Domain.Records;

/// <summary>
/// An alleged violation (massacre, unlawful strike, torture, ...) and its investigation history, in
/// date order; the current status is the last step's, so "months without investigation" is computed.
/// </summary>
public sealed record Allegation
{
    public required Guid Id { get; init => field = value == Guid.Empty ? throw new DomainException("allegation: id must not be empty") : value; }

    public required string Summary { get; init => field = string.IsNullOrWhiteSpace(value) ? throw new DomainException("allegation: summary is required") : value.Trim(); }

    /// <summary>massacre, indiscriminate strike, torture, enforced disappearance, ...</summary>
    public string? Kind { get; init; }

    public DateSpan? Date { get; init; }

    public Location? Location { get; init; }

    public string? AllegedPerpetrator { get; init; }

    public Quantities Quantities { get; init => field = value ?? throw new DomainException("allegation: quantities must not be null"); } = Quantities.Empty;

    /// <summary>The investigation history, oldest first; never empty.</summary>
    public required ImmutableArray<InvestigationStep> History
    {
        get;
        init
        {
            DomainException.ThrowIf(value.IsDefaultOrEmpty, "allegation: the investigation history needs at least one step");
            DomainException.ThrowIf(value.Any(s => s is null), "allegation: a history step is missing");
            for (var i = 1; i < value.Length; i++)
            {
                DomainException.ThrowIf(value[i].Since < value[i - 1].Since, $"allegation: history step {i + 1} ({value[i].Since:yyyy-MM-dd}) is dated before the step before it");
            }

            field = value;
        }
    }

    public InvestigationStatus Status => History[^1].Status;

    public Evidence Evidence { get; init => field = value ?? throw new DomainException("allegation: evidence must not be null"); } = Evidence.None;

    public EventStatus ReviewStatus { get; init => field = Enum.IsDefined(value) ? value : throw new DomainException($"allegation: review status {(int)value} is not defined"); } = EventStatus.Extracted;

    public ImmutableArray<Guid> DocumentIds { get; init => field = value.IsDefault ? throw new DomainException("allegation: document ids must not be default") : value; } = [];

    /// <summary>Sources named by hand (an NGO report, a witness network) beside the documents linked.</summary>
    public ImmutableArray<string> Sources { get; init => field = value.IsDefault || value.Any(string.IsNullOrWhiteSpace) ? throw new DomainException("allegation: a source is blank") : value; } = [];

    public ImmutableArray<Guid> EventIds { get; init => field = value.IsDefault ? throw new DomainException("allegation: event ids must not be default") : value; } = [];

    /// <summary>Set when an editor merged this allegation into another that records the same violation.</summary>
    public Guid? MergedInto { get; init; }

    /// <summary>When the violation was alleged to have happened: the date given, else the first history step's.</summary>
    public DateOnly AllegedOn => Date?.Start ?? History[0].Since;

    public bool Equals(Allegation? other) => other is not null && Id == other.Id && Summary == other.Summary && Kind == other.Kind && Date == other.Date
        && Location == other.Location && AllegedPerpetrator == other.AllegedPerpetrator && Quantities.Equals(other.Quantities)
        && History.SequenceEqual(other.History) && Evidence == other.Evidence && ReviewStatus == other.ReviewStatus && DocumentIds.SequenceEqual(other.DocumentIds)
        && Sources.SequenceEqual(other.Sources) && EventIds.SequenceEqual(other.EventIds) && MergedInto == other.MergedInto;

    public override int GetHashCode() => HashCode.Combine(Id, Summary, Status);

    /// <summary>The allegation after a new investigation step (appended; it may not be dated before the last one).</summary>
    public Allegation WithStep(InvestigationStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return this with { History = History.Add(step) };
    }

    /// <summary>
    /// Whole months from <see cref="AllegedOn"/> to <paramref name="today"/> during which no investigation was opened:
    /// null once one was (under investigation, responsibility acknowledged); a closed case stops the count on the day
    /// it closed. Computed from the history and the caller's clock, never stored.
    /// </summary>
    public int? MonthsWithoutInvestigation(DateOnly today)
    {
        if (History.Any(s => s.Status is InvestigationStatus.UnderInvestigation or InvestigationStatus.ResponsibilityAcknowledged))
        {
            return null;
        }

        var end = History.FirstOrDefault(s => s.Status == InvestigationStatus.Closed)?.Since ?? today;
        return WholeMonths(AllegedOn, end);
    }

    /// <summary>Whole calendar months from <paramref name="from"/> to <paramref name="to"/> (0 when <paramref name="to"/> is earlier).</summary>
    public static int WholeMonths(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month - (to.Day < from.Day ? 1 : 0);
        return Math.Max(0, months);
    }
}
