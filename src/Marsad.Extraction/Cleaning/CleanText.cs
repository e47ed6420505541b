namespace Marsad.Extraction.Cleaning;

/// <summary>The report text with page furniture removed and quotes normalised; every evidence span points into <see cref="Text"/>.</summary>
public sealed record CleanText(string Text, string? Title);
