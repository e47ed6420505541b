using System.Text.RegularExpressions;

namespace Marsad.Bench.Extraction;

/// <summary>
/// The sentences ACLED's coders close a note with, which state the coded toll rather than narrate the event: a bare
/// "3 fatalities.", anything "coded as/to/at N" ("Unknown fatalities coded as 10."), "Casualties unknown.",
/// "No fatalities." and a "[size=…]" tag. <c>extract-acled --strip-coder-totals</c> cuts them, so fatalities are read
/// from the narrative alone; a row whose note says "coded as/to/at" has an imputed toll and is left out of that figure.
/// </summary>
internal static partial class CoderTotals
{
    /// <summary>The note without the coders' closing sentences (the narrative sentences kept as written).</summary>
    public static string Strip(string notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var text = SizeTag().Replace(notes, " ");
        var kept = Sentences().Split(text).Where(s => !IsCoderSentence(s.Trim()));
        return string.Join(" ", kept.Select(s => s.Trim()).Where(s => s.Length > 0));
    }

    /// <summary>The toll was imputed by the coder ("coded as 10", "coded to 3"), not stated by a source.</summary>
    public static bool IsImputed(string notes) => CodedAsToAt().IsMatch(notes);

    private static bool IsCoderSentence(string sentence) =>
        BareFatalities().IsMatch(sentence) || CodedNumber().IsMatch(sentence) || Fixed().IsMatch(sentence);

    // A sentence ends at . ! or ? followed by space and a capital, a digit or a bracket (not "St. Elias" in lower case).
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}\d\[])")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"\[size=[^\]]*\]", RegexOptions.IgnoreCase)]
    private static partial Regex SizeTag();

    [GeneratedRegex(@"^\d[\d,]*\s+fatalit(?:y|ies)\s*\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex BareFatalities();

    [GeneratedRegex(@"\bcoded\s+(?:as|to|at)\s+\d", RegexOptions.IgnoreCase)]
    private static partial Regex CodedNumber();

    [GeneratedRegex(@"\bcoded\s+(?:as|to|at)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CodedAsToAt();

    [GeneratedRegex(@"^(?:casualties\s+unknown|no\s+fatalities)\s*\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Fixed();
}
