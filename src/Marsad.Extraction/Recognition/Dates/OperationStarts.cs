using System.Collections.Frozen;

namespace Marsad.Extraction.Recognition.Dates;

/// <summary>
/// When an actor's operations began, for "the Nth consecutive month of operations": the monthly report counts its
/// months from it, and a report that dates itself only by that count is published the day month N completes.
/// </summary>
public static class OperationStarts
{
    /// <summary>Start dates by canonical actor name.</summary>
    public static FrozenDictionary<string, DateOnly> Default { get; } = new Dictionary<string, DateOnly>(StringComparer.OrdinalIgnoreCase)
    {
        // The Coalition's first strikes in Syria.
        ["Global Coalition Against Daesh"] = new(2014, 9, 23),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
}
