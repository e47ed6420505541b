namespace Marsad.Core.Analytics;

/// <summary>
/// Events and fatalities from the month of <see cref="Since"/> through <see cref="Through"/>, read
/// from the month totals the database keeps (actor means actor1 or actor2 there; events count in the
/// month they start). <see cref="Fatalities"/> has an open high when some event states no ceiling.
/// </summary>
public sealed record RunningTotals(DateOnly Since, ReportMonth Through, long Events, QuantityRange Fatalities);
