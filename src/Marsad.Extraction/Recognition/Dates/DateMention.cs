using Marsad.Domain.Common;

namespace Marsad.Extraction.Recognition.Dates;

/// <summary>How a date was given: a calendar date, a day relative to publication, or a reporting period.</summary>
public enum DateKind
{
    Calendar,
    Relative,
    Period,
}

/// <summary>Characters [Start, End) name the days in <see cref="Span"/>.</summary>
public sealed record DateMention(int Start, int End, DateSpan Span, DateKind Kind);
