namespace Marsad.Domain.Common;

/// <summary>How exactly a date is known, with ACLED's <c>time_precision</c> codes.</summary>
public enum TimePrecision
{
    /// <summary>The day is known (ACLED 1).</summary>
    Day = 1,

    /// <summary>Only the week, or a span of days within about a week, is known (ACLED 2).</summary>
    Week = 2,

    /// <summary>Only the month or a longer reporting period is known (ACLED 3).</summary>
    Month = 3,
}
