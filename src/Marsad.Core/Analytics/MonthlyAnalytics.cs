namespace Marsad.Core.Analytics;

/// <summary>
/// A month's aggregates with the month before's totals for comparison, the running totals since the start
/// date, and — when the actor's start is known — which consecutive month of its operations this is.
/// </summary>
public sealed record MonthlyAnalytics(
    ReportMonth Month,
    AnalyticsFilter Filter,
    PeriodAggregates Current,
    Tally Previous,
    IReadOnlyList<AnalyticsEvent> Events,
    DateOnly? OperationsSince,
    int? OperationMonth,
    RunningTotals? SinceStart);
