namespace Marsad.Extraction.Arabic;

/// <summary>
/// Splits Arabic text into words, numbers (ASCII, Arabic-Indic or Persian digits, with thousands separators) and
/// punctuation. Quotation marks and the kashida are not tokens: "“قسد”" reads as قسد. A mark inside a word does not
/// split it. Offsets point into the original text.
/// </summary>
public static class ArabicTokenizer
{
    public static ArabicToken[] Tokenize(string text, int from = 0, int to = -1)
    {
        ArgumentNullException.ThrowIfNull(text);
        to = to < 0 ? text.Length : to;
        var tokens = new List<ArabicToken>(Math.Max(8, (to - from) / 5));
        var i = from;
        while (i < to)
        {
            var c = text[i];
            if (ArabicLetters.DigitValue(c) >= 0)
            {
                var start = i;
                long value = 0;
                while (i < to)
                {
                    var d = ArabicLetters.DigitValue(text[i]);
                    if (d >= 0)
                    {
                        value = Math.Min(int.MaxValue, (value * 10) + d);
                    }
                    else if (!IsGroupSeparator(text[i]) || !FollowedByGroup(text, i, to))
                    {
                        break;
                    }

                    i++;
                }

                tokens.Add(new ArabicToken(start, i, text[start..i], (int)value, false));
            }
            else if (char.IsLetter(c) || ArabicLetters.IsMark(c))
            {
                var start = i;
                while (i < to && (char.IsLetter(text[i]) || ArabicLetters.IsMark(text[i])))
                {
                    i++;
                }

                var norm = ArabicLetters.Normalize(text.AsSpan(start, i - start));
                if (norm.Length > 0)
                {
                    tokens.Add(new ArabicToken(start, i, char.IsAsciiLetter(norm[0]) ? norm.ToLowerInvariant() : norm, -1, false));
                }
            }
            else if (char.IsWhiteSpace(c) || IsQuote(c) || c is '-' or '\u2010' or '\u2011' or '\u2013' or '\u2014' or '\u00AD' or '\u200C' or '\u200D' or '\u200F' or '\u200E')
            {
                i++;
            }
            else
            {
                tokens.Add(new ArabicToken(i, i + 1, c.ToString(), -1, true));
                i++;
            }
        }

        return [.. tokens];
    }

    public static bool IsQuote(char c) => c is '"' or '\'' or '“' or '”' or '«' or '»' or '‘' or '’' or '„';

    private static bool IsGroupSeparator(char c) => c is ',' or '٬';

    // "1,250" is one number, "19,16" (a time written with a comma) is two.
    private static bool FollowedByGroup(string text, int comma, int to)
    {
        var n = 0;
        for (var j = comma + 1; j < to && ArabicLetters.DigitValue(text[j]) >= 0; j++)
        {
            n++;
        }

        return n == 3;
    }
}
