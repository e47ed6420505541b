namespace Marsad.Domain.Common;

/// <summary>
/// When something happened: from <see cref="Start"/> to <see cref="End"/>, both days inclusive,
/// known to <see cref="Precision"/>. A single known day has Start == End and precision Day.
/// </summary>
public sealed record DateSpan
{
    public DateSpan(DateOnly start, DateOnly end, TimePrecision precision)
    {
        DomainException.ThrowIf(end < start, $"date span: end {end:yyyy-MM-dd} is before start {start:yyyy-MM-dd}");
        DomainException.ThrowIf(!Enum.IsDefined(precision), $"date span: precision {(int)precision} is not an ACLED time precision (1, 2 or 3)");
        Start = start;
        End = end;
        Precision = precision;
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    public TimePrecision Precision { get; }

    /// <summary>
    /// No date can be given: the words need a publication date ("on Friday", "yesterday") and the document states none.
    /// A record holds this rather than an invented date; outputs show it as no date (the contract's <c>date: null</c>).
    /// </summary>
    public static DateSpan Unresolved { get; } = new(DateOnly.MinValue, DateOnly.MinValue, TimePrecision.Month);

    /// <summary>True for <see cref="Unresolved"/>.</summary>
    public bool IsUnresolved => Start == DateOnly.MinValue;

    /// <summary>One day known exactly.</summary>
    public static DateSpan OnDay(DateOnly day) => new(day, day, TimePrecision.Day);

    /// <summary>Number of days covered, counting both ends.</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly day) => day >= Start && day <= End;
}
