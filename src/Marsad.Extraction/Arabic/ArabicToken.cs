namespace Marsad.Extraction.Arabic;

/// <summary>
/// A word, number or punctuation mark of Arabic text: characters [Start, End) of the original, the folded form
/// (<see cref="Norm"/>), the value of a number (else -1), and the forms the word may take once its attached
/// conjunction (و، ف), preposition (ب، ل، ك) and article (ال) are taken off, most specific first.
/// </summary>
public sealed record ArabicToken(int Start, int End, string Norm, int Number, bool IsPunctuation)
{
    public bool IsNumber => Number >= 0;

    public bool IsWord => !IsPunctuation && !IsNumber;

    /// <summary>The forms lexicons are looked up under: the word itself, then without its prefixes.</summary>
    public IReadOnlyList<string> Forms { get; } = IsPunctuation || Number >= 0 ? [Norm] : ArabicPrefixes.Forms(Norm);

    /// <summary>The word with every prefix off: what lexicons compare.</summary>
    public string Stem => Forms[^1];

    /// <summary>True when the word carries a leading conjunction و or ف ("وفليفل": "and Fleifel").</summary>
    public bool HasConjunction => IsWord && Norm.Length > 2 && Norm[0] is 'و' or 'ف' && Forms.Count > 1;

    /// <summary>The word without its conjunction (a list item as named: "والفطيرة" → "الفطيرة").</summary>
    public string WithoutConjunction => HasConjunction ? Norm[1..] : Norm;
}
