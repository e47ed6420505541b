namespace Marsad.Extraction;

/// <summary>One report to extract from: raw text, its publication date (anchor for relative dates), and where it came from.</summary>
public sealed record DocumentInput(string Text, DateOnly? Published = null, string? Source = null, string? Title = null, string? Id = null);
