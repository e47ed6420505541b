namespace Marsad.Core.Intake.Parsing;

/// <summary>What a parser read from one input, before normalisation. MediaType: "text/plain", "text/markdown", "text/html", "application/rss+xml", "application/atom+xml".</summary>
public sealed record ParsedReport(string? Title, string Text, DateOnly? Published, string? SourceName, string? Url, string MediaType);
