using Marsad.Extraction.Recognition.Dates;

namespace Marsad.Core.Intake.Parsing;

/// <summary>What a parser read from one input, before normalisation. MediaType: "text/plain", "text/markdown", "text/html", "application/rss+xml", "application/atom+xml".</summary>
public sealed record ParsedReport(string? Title, string Text, DateOnly? Published, string? SourceName, string? Url, string MediaType)
{
    /// <summary>
    /// The report's publication date: its own first (metadata, else what its normalised text states: a printed date
    /// line, "today, ...", the Nth month of operations), then <paramref name="given"/> (<c>--published</c>); null with neither.
    /// </summary>
    public DateOnly? PublishedOr(string normalizedText, DateOnly? given) => Published ?? StatedPublication.Find(normalizedText) ?? given;
}
