namespace Marsad.Extraction.Text;

/// <summary>A match of a lexicon phrase: tokens [First, First + Count) of the text carry <see cref="Value"/>.</summary>
public readonly record struct PhraseMatch<T>(int First, int Count, T Value);

/// <summary>
/// A case-insensitive token trie over multi-word phrases, built once and read from many threads.
/// Lookups go through span-keyed alternate lookups, so matching allocates nothing per token.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private readonly Node _root = new();

    public PhraseMatcher(IEnumerable<KeyValuePair<string, T>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var (phrase, value) in entries)
        {
            Add(phrase, value);
        }

        _root.Freeze();
    }

    public int Count { get; private set; }

    /// <summary>The longest phrase that starts at token <paramref name="index"/>.</summary>
    public bool TryMatch(string text, ReadOnlySpan<Token> tokens, int index, out PhraseMatch<T> match)
    {
        ArgumentNullException.ThrowIfNull(text);
        match = default;
        var node = _root;
        var found = false;
        for (var i = index; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (node.Lookup is not { } lookup || !lookup.TryGetValue(text.AsSpan(t.Start, t.Length), out var next))
            {
                break;
            }

            node = next;
            if (node.HasValue)
            {
                match = new PhraseMatch<T>(index, i - index + 1, node.Value!);
                found = true;
            }
        }

        return found;
    }

    /// <summary>Longest-first, non-overlapping matches within tokens [from, to), in text order.</summary>
    public List<PhraseMatch<T>> FindAll(string text, ReadOnlySpan<Token> tokens, int from, int to)
    {
        var result = new List<PhraseMatch<T>>();
        for (var i = from; i < to;)
        {
            if (TryMatch(text, tokens[..to], i, out var m))
            {
                result.Add(m);
                i += m.Count;
            }
            else
            {
                i++;
            }
        }

        return result;
    }

    private void Add(string phrase, T value)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        if (tokens.Length == 0)
        {
            return;
        }

        var node = _root;
        foreach (var t in tokens)
        {
            var key = phrase[t.Start..t.End];
            node.Children ??= new Dictionary<string, Node>(StringComparer.OrdinalIgnoreCase);
            if (!node.Children.TryGetValue(key, out var child))
            {
                child = new Node();
                node.Children.Add(key, child);
            }

            node = child;
        }

        // The first entry for a phrase wins, so lexicon files list the preferred reading first.
        if (!node.HasValue)
        {
            node.HasValue = true;
            node.Value = value;
            Count++;
        }
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Children { get; set; }

        public Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>>? Lookup { get; private set; }

        public bool HasValue { get; set; }

        public T? Value { get; set; }

        public void Freeze()
        {
            if (Children is null)
            {
                return;
            }

            Lookup = Children.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var child in Children.Values)
            {
                child.Freeze();
            }
        }
    }
}
