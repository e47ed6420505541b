namespace Marsad.Extraction.Text;

/// <summary>
/// Splits clean text into words, digit numbers and punctuation in one pass without regexes.
/// A possessive "'s" becomes its own token so "Coalition's" matches the lexicon entry "Coalition".
/// </summary>
public static class Tokenizer
{
    public static Token[] Tokenize(ReadOnlySpan<char> text)
    {
        var tokens = new List<Token>(Math.Max(8, text.Length / 5));
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && !IsPossessive(text, i))))
                {
                    i++;
                }

                tokens.Add(new Token(start, i, TokenKind.Word, -1));
                if (i < text.Length && IsPossessive(text, i))
                {
                    tokens.Add(new Token(i, i + 2, TokenKind.Word, -1));
                    i += 2;
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                long value = 0;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == ',' && IsThousandsGroup(text, i))))
                {
                    if (text[i] != ',')
                    {
                        value = Math.Min(int.MaxValue, (value * 10) + (text[i] - '0'));
                    }

                    i++;
                }

                // "16th", "2nd": the ordinal suffix stays part of the number token.
                var suffixStart = i;
                while (i < text.Length && char.IsAsciiLetterLower(text[i]) && i - suffixStart < 2)
                {
                    i++;
                }

                if (i - suffixStart != 0 && !IsOrdinalSuffix(text[suffixStart..i]))
                {
                    i = suffixStart;
                }

                tokens.Add(new Token(start, i, TokenKind.Number, (int)value));
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '\u2010' or '\u2011' or '\u2013' or '\u00AD')
            {
                i++;
            }
            else
            {
                tokens.Add(new Token(i, i + 1, TokenKind.Punctuation, -1));
                i++;
            }
        }

        return [.. tokens];
    }

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`';

    private static bool IsPossessive(ReadOnlySpan<char> text, int i) =>
        IsApostrophe(text[i]) && i + 1 < text.Length && (text[i + 1] is 's' or 'S') && (i + 2 >= text.Length || !char.IsLetter(text[i + 2]));

    private static bool IsThousandsGroup(ReadOnlySpan<char> text, int comma) =>
        comma + 3 < text.Length
        && char.IsAsciiDigit(text[comma + 1]) && char.IsAsciiDigit(text[comma + 2]) && char.IsAsciiDigit(text[comma + 3])
        && (comma + 4 >= text.Length || !char.IsAsciiDigit(text[comma + 4]));

    private static bool IsOrdinalSuffix(ReadOnlySpan<char> s) => s is "st" or "nd" or "rd" or "th";
}
