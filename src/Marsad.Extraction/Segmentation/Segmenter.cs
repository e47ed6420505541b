using Marsad.Extraction.Cleaning;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Segmentation;

/// <summary>Paragraphs (blank-line separated) and sentences, with offsets into the clean text and token ranges.</summary>
public static class Segmenter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "dr", "st", "no", "gen", "col", "lt", "maj", "brig", "capt", "sgt", "jr", "sr", "vs", "approx", "etc", "km", "int", "u.s", "u.n", "e.g", "i.e",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    public static (IReadOnlyList<Paragraph> Paragraphs, IReadOnlyList<Sentence> Sentences) Split(string text, Token[] tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var paragraphs = new List<Paragraph>();
        var sentences = new List<Sentence>();
        var pos = 0;
        var tokenIndex = 0;
        while (pos < text.Length)
        {
            var end = text.IndexOf("\n\n", pos, StringComparison.Ordinal);
            if (end < 0)
            {
                end = text.Length;
            }

            if (end > pos)
            {
                var firstSentence = sentences.Count;
                var body = text.AsSpan(pos, end - pos);
                var sentenceStart = pos;
                for (var i = 0; i < body.Length; i++)
                {
                    if (IsSentenceEnd(body, i))
                    {
                        AddSentence(text, sentences, paragraphs.Count, sentenceStart, pos + i + 1, tokens, ref tokenIndex);
                        sentenceStart = pos + i + 1;
                    }
                }

                AddSentence(text, sentences, paragraphs.Count, sentenceStart, end, tokens, ref tokenIndex);
                var isHeading = TextCleaner.IsHeading(text[pos..end]);
                paragraphs.Add(new Paragraph(paragraphs.Count, pos, end, isHeading, firstSentence, sentences.Count - firstSentence));
            }

            pos = end + 2;
        }

        return (paragraphs, sentences);
    }

    private static void AddSentence(string text, List<Sentence> sentences, int paragraph, int start, int end, Token[] tokens, ref int tokenIndex)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var first = tokenIndex;
        while (tokenIndex < tokens.Length && tokens[tokenIndex].Start < end)
        {
            tokenIndex++;
        }

        if (tokenIndex > first)
        {
            sentences.Add(new Sentence(sentences.Count, paragraph, tokens[first].Start, end, first, tokenIndex));
        }
    }

    private static bool IsSentenceEnd(ReadOnlySpan<char> s, int i)
    {
        var c = s[i];
        if (c is not ('.' or '!' or '?') || i + 1 >= s.Length)
        {
            return false;
        }

        var next = i + 1;
        if (s[next] == '"' || s[next] == ')')
        {
            next++;
        }

        if (next >= s.Length || !char.IsWhiteSpace(s[next]))
        {
            // "city.Two men": a missing space after a full stop still ends a sentence before a capital.
            return c == '.' && next < s.Length && char.IsUpper(s[next]) && i > 0 && char.IsLower(s[i - 1]) && IsWordBefore(s, i, 3);
        }

        while (next < s.Length && char.IsWhiteSpace(s[next]))
        {
            next++;
        }

        if (next >= s.Length || !(char.IsUpper(s[next]) || char.IsDigit(s[next]) || s[next] == '"'))
        {
            return false;
        }

        if (c != '.')
        {
            return true;
        }

        var wordStart = i;
        while (wordStart > 0 && (char.IsLetter(s[wordStart - 1]) || s[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = s[wordStart..i];
        return !(word.Length == 1 && char.IsUpper(word[0])) && !AbbreviationLookup.Contains(word);
    }

    private static bool IsWordBefore(ReadOnlySpan<char> s, int i, int minLength)
    {
        var n = 0;
        while (i - n - 1 >= 0 && char.IsLetter(s[i - n - 1]))
        {
            n++;
        }

        return n >= minLength;
    }
}
