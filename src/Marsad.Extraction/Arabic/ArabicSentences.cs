namespace Marsad.Extraction.Arabic;

/// <summary>
/// Whole sentences of Arabic text, tokens [First, End): a statement runs to its sentence's end across the clause
/// connectors the event reader splits at ("في حين"، "مشيرا إلى"), so claims and persons are read per sentence.
/// </summary>
public static class ArabicSentences
{
    public static List<(int First, int End)> Split(IReadOnlyList<ArabicToken> tokens, string text)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > start && text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End).Contains('\n'))
            {
                result.Add((start, i));
                start = i;
            }

            if (tokens[i].IsPunctuation && tokens[i].Norm is "." or "؟" or "?" or "!" or "؛" or ";")
            {
                if (i > start)
                {
                    result.Add((start, i));
                }

                start = i + 1;
            }
        }

        if (tokens.Count > start)
        {
            result.Add((start, tokens.Count));
        }

        return result;
    }
}
