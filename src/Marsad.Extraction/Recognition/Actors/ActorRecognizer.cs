using Marsad.Extraction.Text;

namespace Marsad.Extraction.Recognition.Actors;

/// <summary>Finds actor mentions in a token range, longest variant first.</summary>
public static class ActorRecognizer
{
    public static List<ActorMention> Find(ActorLexicon lexicon, TokenView view, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(view);
        var result = new List<ActorMention>();
        var tokens = view.Tokens.AsSpan(0, to);
        for (var i = from; i < to;)
        {
            if (lexicon.Matcher.TryMatch(view.Text, tokens, i, out var m) && Accept(view, m))
            {
                var first = view.Tokens[m.First];
                var last = view.Tokens[m.First + m.Count - 1];
                result.Add(new ActorMention(m.First, m.Count, first.Start, last.End, m.Value.Entry));
                i += m.Count;
            }
            else
            {
                i++;
            }
        }

        return MentionMerger.Merge(view, result);
    }

    private static bool Accept(TokenView view, PhraseMatch<ActorVariant> m)
    {
        if (!m.Value.CaseSensitive)
        {
            return true;
        }

        // Case-sensitive forms compare the text as written, word by word (hyphens and spaces are not tokens).
        var words = m.Value.Words;
        for (var k = 0; k < m.Count && k < words.Count; k++)
        {
            if (!view[m.First + k].SequenceEqual(words[k]))
            {
                return false;
            }
        }

        return true;
    }
}
