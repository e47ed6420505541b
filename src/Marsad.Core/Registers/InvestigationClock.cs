using Marsad.Domain.Records;

namespace Marsad.Core.Registers;

/// <summary>
/// "Months since alleged with no investigation" on today's date from the injected clock: computed from the
/// allegation's history each time it is shown, never stored (a stored count would be wrong the next month).
/// </summary>
public sealed class InvestigationClock(TimeProvider time)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>See <see cref="Allegation.MonthsWithoutInvestigation"/>: null once an investigation was opened.</summary>
    public int? MonthsWithoutInvestigation(Allegation allegation)
    {
        ArgumentNullException.ThrowIfNull(allegation);
        return allegation.MonthsWithoutInvestigation(Today);
    }
}
