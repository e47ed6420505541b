namespace Marsad.Extraction;

/// <summary>
/// One report to extract from: raw text, its publication date (anchor for relative dates), and where it came from.
/// <paramref name="NotPlaces"/> are names that are never a place in this document, whatever the gazetteer holds: the
/// callers pass every source in the register (a confidential source's name is often a village's too, "Abu Omar"), and
/// the engine adds <paramref name="Source"/> itself. Names compare in <see cref="Domain.Common.NameNormaliser"/>'s form.
/// </summary>
public sealed record DocumentInput(string Text, DateOnly? Published = null, string? Source = null, string? Title = null, string? Id = null, IReadOnlyList<string>? NotPlaces = null);
