namespace Marsad.Core.Analytics;

/// <summary>
/// Counts and sums over the record: a period's events, a month with its comparison and running
/// totals, and the figure checks of the documents behind them. Queries read columns, a few JSON paths
/// and the month totals table, never whole payloads, so a month stays fast on a million events.
/// </summary>
public interface IEventAnalytics
{
    /// <summary>The events whose dates overlap [from, to] and pass the filter, oldest first.</summary>
    Task<IReadOnlyList<AnalyticsEvent>> EventsAsync(DateOnly from, DateOnly to, AnalyticsFilter filter, CancellationToken cancellationToken = default);

    Task<PeriodAggregates> PeriodAsync(DateOnly from, DateOnly to, AnalyticsFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Running totals for an actor ('' or null for all) and governorate from the month of <paramref name="since"/> through <paramref name="through"/>.</summary>
    Task<RunningTotals> RunningTotalsAsync(DateOnly since, ReportMonth through, string? actor, string? admin1, bool includeUnreviewed, CancellationToken cancellationToken = default);

    /// <summary>Events and fatalities month by month from <paramref name="from"/> through <paramref name="through"/>, from the month totals (a time series for charts).</summary>
    Task<IReadOnlyList<MonthTotals>> MonthlySeriesAsync(ReportMonth from, ReportMonth through, string? actor, string? admin1, bool includeUnreviewed, CancellationToken cancellationToken = default);

    /// <summary>The month, the month before, and since <paramref name="since"/> (default: the actor's configured start).</summary>
    Task<MonthlyAnalytics> MonthAsync(ReportMonth month, AnalyticsFilter filter, DateOnly? since = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many standing events passing the filter have no date (their text left it unresolved): they count in no month,
    /// and a report says how many there are rather than dropping them without a word.
    /// </summary>
    Task<int> UndatedCountAsync(AnalyticsFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The figure checks of the latest extraction of each of these documents.</summary>
    Task<IReadOnlyList<StoredCheck>> DocumentChecksAsync(IReadOnlyCollection<Guid> documentIds, CancellationToken cancellationToken = default);
}
