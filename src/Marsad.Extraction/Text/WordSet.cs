namespace Marsad.Extraction.Text;

/// <summary>
/// A fixed set of single words tested against tokens without comparing strings in the common case: each token's
/// case-insensitive hash is computed once per document (<see cref="TokenView"/>), and a 1024-bit filter of the set's
/// hashes rejects almost every token with one bit test. Immutable; shared by every thread.
/// </summary>
public sealed class WordSet
{
    private readonly string[] _words;
    private readonly int[] _hashes;
    private readonly ulong[] _filter = new ulong[16];

    public WordSet(IEnumerable<string> words)
        : this([.. words ?? throw new ArgumentNullException(nameof(words))])
    {
    }

    public WordSet(params string[] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _words = words;
        _hashes = new int[words.Length];
        for (var k = 0; k < words.Length; k++)
        {
            _hashes[k] = Hash(words[k]);
            _filter[(_hashes[k] >> 6) & 15] |= 1UL << (_hashes[k] & 63);
        }
    }

    /// <summary>The case-insensitive hash <see cref="TokenView"/> stores per token (FNV-1a over lower-cased characters).</summary>
    public static int Hash(ReadOnlySpan<char> word)
    {
        var h = 2166136261u;
        foreach (var c in word)
        {
            var lower = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c < 128 ? c : char.ToLowerInvariant(c);
            h = (h ^ lower) * 16777619u;
        }

        return (int)h;
    }

    /// <summary>True when <paramref name="word"/>, whose hash is <paramref name="hash"/>, is in the set (ignoring case).</summary>
    public bool Contains(ReadOnlySpan<char> word, int hash)
    {
        if ((_filter[(hash >> 6) & 15] & (1UL << (hash & 63))) == 0)
        {
            return false;
        }

        for (var k = 0; k < _hashes.Length; k++)
        {
            if (_hashes[k] == hash && word.Equals(_words[k], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
