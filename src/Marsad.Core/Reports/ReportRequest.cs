using Marsad.Core.Access;
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

    /// <summary>
    /// Whose report: the public's (the default) is built from published records only, through the access policy
    /// (confidential sources and sensitive person fields withheld); a team role's is an internal report that says
    /// so on its cover.
    /// </summary>
    public Role Role { get; init; } = Role.Public;
}
