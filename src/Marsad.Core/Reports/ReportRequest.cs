using Marsad.Core.Analytics;

namespace Marsad.Core.Reports;

/// <summary>
/// What <c>marsad report</c> asks for. <see cref="ReferenceDate"/> is the day "months without
/// investigation" are counted to (default: the month's last day, or today if that is earlier);
/// <see cref="Since"/> overrides the actor's configured start of operations.
/// </summary>
public sealed record ReportRequest(ReportMonth Month)
{
    public string? Actor { get; init; }

    public string? Admin1 { get; init; }

    public DateOnly? ReferenceDate { get; init; }

    public DateOnly? Since { get; init; }

    public bool IncludeUnreviewed { get; init; }
}
