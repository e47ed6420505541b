namespace Marsad.Core.Analytics;

/// <summary>One month of a series: events that start in it and their fatalities (high open when some event states no ceiling).</summary>
public sealed record MonthTotals(ReportMonth Month, long Events, QuantityRange Fatalities);
