using System.Globalization;

namespace Marsad.Extraction.Geography;

/// <summary>A word of a text or name: characters [Start, Start + Length).</summary>
public readonly record struct NameToken(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits text into words the way place names are compared: letters and digits (Latin with diacritics,
/// Arabic), with apostrophes and ayn/hamza marks kept inside a word ("Ma'arrat", "‘Ayn"); hyphens,
/// slashes, spaces and other punctuation separate words ("Deir-ez-Zor" is three words).
/// </summary>
public static class NameTokenizer
{
    public static List<NameToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<NameToken>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && IsWordChar(text, i);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                tokens.Add(new NameToken(start, i - start));
                start = -1;
            }
        }

        return tokens;
    }

    private static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (IsMark(c))
        {
            // A mark belongs to a word only when a letter follows it ("Dar'a", "‘Ayn"), so closing quotes stay out.
            return i + 1 < text.Length && char.IsLetter(text[i + 1]);
        }

        return char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.ModifierLetter;
    }

    private static bool IsMark(char c) => c is '\'' or '’' or '‘' or '`' or '´' or 'ʿ' or 'ʾ' or 'ʼ';
}
