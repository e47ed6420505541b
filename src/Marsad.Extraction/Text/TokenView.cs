namespace Marsad.Extraction.Text;

/// <summary>The clean text with its tokens, and the small token tests every recogniser needs.</summary>
public sealed class TokenView
{
    // Each token's case-insensitive hash, computed once so that every WordSet test is a bit test, not a string compare.
    private readonly int[] _hashes;

    public TokenView(string text, Token[] tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        Text = text;
        Tokens = tokens;
        _hashes = new int[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            _hashes[i] = WordSet.Hash(text.AsSpan(tokens[i].Start, tokens[i].Length));
        }
    }

    public string Text { get; }

    public Token[] Tokens { get; }

    public int Count => Tokens.Length;

    public ReadOnlySpan<char> this[int i] => i >= 0 && i < Tokens.Length ? Text.AsSpan(Tokens[i].Start, Tokens[i].Length) : [];

    public bool Is(int i, string word) => i >= 0 && i < Tokens.Length && this[i].Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsAny(int i, WordSet words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return i >= 0 && i < Tokens.Length && words.Contains(this[i], _hashes[i]);
    }

    public bool IsAny(int i, ReadOnlySpan<string> words)
    {
        if (i < 0 || i >= Tokens.Length)
        {
            return false;
        }

        var w = this[i];
        foreach (var candidate in words)
        {
            if (w.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the words follow one another from token <paramref name="i"/>.</summary>
    public bool IsSequence(int i, ReadOnlySpan<string> words)
    {
        for (var k = 0; k < words.Length; k++)
        {
            if (!Is(i + k, words[k]))
            {
                return false;
            }
        }

        return true;
    }

    public bool IsPunct(int i, char c) => i >= 0 && i < Tokens.Length && Tokens[i].Kind == TokenKind.Punctuation && Text[Tokens[i].Start] == c;

    public bool IsCapitalised(int i) => i >= 0 && i < Tokens.Length && Tokens[i].IsWord && char.IsUpper(Text[Tokens[i].Start]);

    public string Slice(int firstToken, int endToken) =>
        endToken <= firstToken ? string.Empty : Text[Tokens[firstToken].Start..Tokens[endToken - 1].End];

    /// <summary>Index of the first token at or after character <paramref name="offset"/>.</summary>
    public int TokenAt(int offset)
    {
        int lo = 0, hi = Tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Tokens[mid].Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
