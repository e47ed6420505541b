namespace Marsad.Extraction.Arabic;

/// <summary>
/// Letter-level Arabic normalisation for matching: one alef, ta marbuta as ha, alef maqsura as ya, hamza carriers
/// folded, tatweel and diacritics dropped. The source text is never changed: callers fold copies, so evidence offsets
/// keep pointing into the original.
/// </summary>
public static class ArabicLetters
{
    public static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06D3';

    /// <summary>Harakat, shadda, sukun, superscript alef and tatweel: marks that a match ignores.</summary>
    public static bool IsMark(char c) => c is >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640' or >= '\u06D6' and <= '\u06ED';

    /// <summary>The matching form of one letter; '\0' for a mark that is dropped.</summary>
    public static char Fold(char c) => c switch
    {
        'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
        'ة' => 'ه',
        'ى' => 'ي',
        'ؤ' => 'و',
        'ئ' => 'ي',
        'ک' => 'ك',
        'ی' => 'ي',
        _ when IsMark(c) => '\0',
        _ => c,
    };

    /// <summary>The folded form of <paramref name="text"/> (a word or a phrase): marks dropped, letters folded, other characters kept.</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (Fold(c) is var f and not '\0')
            {
                buffer[n++] = f;
            }
        }

        return new string(buffer[..n]);
    }

    /// <summary>The value of an Arabic-Indic (٠-٩), Persian (۰-۹) or ASCII digit, else -1.</summary>
    public static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '\u0660' and <= '\u0669' => c - '\u0660',
        >= '\u06F0' and <= '\u06F9' => c - '\u06F0',
        _ => -1,
    };
}
