namespace Marsad.Extraction.Arabic;

/// <summary>
/// Phrases of Arabic words mapped to values, matched on the tokens' stems (every prefix off, <see cref="ArabicToken.Stem"/>), longest
/// phrase first. Phrases are written naturally ("القذائف الصاروخية") and folded once here, articles and all;
/// both sides are compared as stems, so "بالقذائف الصاروخية" and "قذائف صاروخية" both match.
/// </summary>
public sealed class ArabicLexicon<T>
{
    private readonly Dictionary<string, List<(string[] Words, T Value)>> byFirst = new(StringComparer.Ordinal);

    public ArabicLexicon(IEnumerable<KeyValuePair<string, T>> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        foreach (var (phrase, value) in phrases)
        {
            var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => ArabicPrefixes.Stem(ArabicLetters.Normalize(w))).ToArray();
            if (!byFirst.TryGetValue(words[0], out var list))
            {
                byFirst[words[0]] = list = [];
            }

            list.Add((words, value));
        }

        foreach (var list in byFirst.Values)
        {
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }
    }

    /// <summary>The longest phrase starting at token <paramref name="i"/>: its value and token count, or (default, 0).</summary>
    public (T? Value, int Length) Match(IReadOnlyList<ArabicToken> tokens, int i, int end = -1)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        end = end < 0 ? tokens.Count : end;
        if (i >= end || !tokens[i].IsWord)
        {
            return (default, 0);
        }

        if (byFirst.TryGetValue(tokens[i].Stem, out var list))
        {
            foreach (var (words, value) in list)
            {
                if (i + words.Length <= end && Rest(tokens, i, words))
                {
                    return (value, words.Length);
                }
            }
        }

        return (default, 0);
    }

    /// <summary>True when token <paramref name="i"/> alone is a one-word phrase of the lexicon.</summary>
    public bool IsWord(IReadOnlyList<ArabicToken> tokens, int i) => Match(tokens, i, i + 1).Length == 1;

    private static bool Rest(IReadOnlyList<ArabicToken> tokens, int i, string[] words)
    {
        for (var k = 1; k < words.Length; k++)
        {
            var t = tokens[i + k];
            if (!t.IsWord || t.Stem != words[k])
            {
                return false;
            }
        }

        return true;
    }
}
