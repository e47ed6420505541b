namespace Marsad.Extraction.Arabic;

/// <summary>
/// Which language a text is in, from its letters: Arabic when Arabic letters outnumber Latin ones. Reports are
/// either language or a mix by paragraph (an Arabic report quoting an English statement), so paragraphs are
/// judged one by one too.
/// </summary>
public static class LanguageDetector
{
    public const string Arabic = "ar";
    public const string English = "en";

    public static string Detect(ReadOnlySpan<char> text)
    {
        var (arabic, latin) = Count(text);
        return arabic > latin ? Arabic : English;
    }

    /// <summary>The paragraphs (runs of text between blank or line breaks) and the language of each, in text order.</summary>
    public static IReadOnlyList<(int Start, int End, string Language)> Paragraphs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<(int, int, string)>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var (arabic, latin) = Count(text.AsSpan(start, end - start));
            if (arabic + latin > 0)
            {
                result.Add((start, end, arabic > latin ? Arabic : English));
            }

            start = end + 1;
        }

        return result;
    }

    private static (int Arabic, int Latin) Count(ReadOnlySpan<char> text)
    {
        var arabic = 0;
        var latin = 0;
        foreach (var c in text)
        {
            if (ArabicLetters.IsArabicLetter(c))
            {
                arabic++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        return (arabic, latin);
    }
}
