namespace Marsad.Core.Analytics;

/// <summary>
/// Counts and sums of a period's events, in total and by each dimension. Days and weeks place an
/// incident on its date: an aggregate event's listed dates each count once, a one-day event on its
/// day, and an event dated only to a longer span goes to <see cref="Undated"/> rather than a guessed day.
/// Weeks are ISO weeks, named by their Monday.
/// </summary>
public sealed record PeriodAggregates(
    DateOnly From,
    DateOnly To,
    Tally Total,
    IReadOnlyDictionary<string, Tally> ByType,
    IReadOnlyDictionary<string, Tally> BySubType,
    IReadOnlyDictionary<string, Tally> ByActor,
    IReadOnlyDictionary<string, Tally> ByAdmin1,
    IReadOnlyDictionary<string, Tally> ByAdmin2,
    IReadOnlyDictionary<string, Tally> ByGrade,
    IReadOnlyDictionary<string, Tally> ByStatus,
    IReadOnlyDictionary<DateOnly, Tally> ByDay,
    IReadOnlyDictionary<DateOnly, IReadOnlyDictionary<string, int>> IncidentsByWeekAndType,
    Tally Undated);
