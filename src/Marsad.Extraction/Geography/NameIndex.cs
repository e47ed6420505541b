namespace Marsad.Extraction.Geography;

/// <summary>
/// Finds entries by name without scanning them: a dictionary of strict keys (<see cref="NameKey.Of"/>),
/// one of consonant skeletons, and a one-deletion index over strict keys (SymSpell: one letter added,
/// dropped or changed). A lookup tries the tiers in that order and stops at the first that finds anything.
/// Immutable after construction; safe for concurrent readers.
/// </summary>
public sealed class NameIndex
{
    public const double ExactScore = 1.0;
    public const double SkeletonScore = 0.8;
    public const double FuzzyScore = 0.65;

    /// <summary>Scores from here up are exact keys or skeleton matches at most half their letters apart: the same name, spelled otherwise.</summary>
    public const double CloseScore = 0.66;

    // How far below its tier's score a loose match with no letters in common would fall.
    private const double SimilaritySpread = 0.3;

    // Shorter keys have too many one-letter neighbours and skeleton twins to be told apart.
    private const int MinFuzzyKeyLength = 5;
    private const int MinSkeletonLength = 3;

    private readonly Dictionary<string, int[]> exact;
    private readonly Dictionary<string, int[]> skeletons;
    private readonly Dictionary<string, int[]> deletions;
    private readonly string[][] keysByEntry;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> exactSpans;
    private readonly HashSet<ulong> prefixHashes = [];
    private readonly HashSet<ulong> keyHashes = [];
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> skeletonSpans;

    public NameIndex(IReadOnlyList<IEnumerable<string>> namesByEntry)
    {
        ArgumentNullException.ThrowIfNull(namesByEntry);
        var exactLists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var skeletonLists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var deletionLists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        keysByEntry = new string[namesByEntry.Count][];
        for (var entry = 0; entry < namesByEntry.Count; entry++)
        {
            keysByEntry[entry] = [.. namesByEntry[entry].Select(NameKey.Of).Where(k => k.Length >= 2).Distinct(StringComparer.Ordinal)];
            foreach (var key in keysByEntry[entry])
            {
                Add(exactLists, key, entry);
                var skeleton = NameKey.SkeletonOf(key);
                if (skeleton.Length >= MinSkeletonLength)
                {
                    Add(skeletonLists, skeleton, entry);
                }

                if (key.Length >= MinFuzzyKeyLength && !NameKey.IsArabic(key[0]))
                {
                    foreach (var deletion in Deletions(key))
                    {
                        Add(deletionLists, deletion, entry);
                    }
                }
            }
        }

        exact = Freeze(exactLists);
        skeletons = Freeze(skeletonLists);
        deletions = Freeze(deletionLists);
        exactSpans = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var key in exact.Keys)
        {
            var hash = PrefixHashSeed;
            foreach (var c in key)
            {
                hash = PrefixHash(hash, c);
                prefixHashes.Add(hash);
            }

            keyHashes.Add(hash);
        }

        skeletonSpans = skeletons.GetAlternateLookup<ReadOnlySpan<char>>();
        MaxKeyLength = exact.Keys.Max(k => k.Length);
    }

    /// <summary>Length of the longest strict key, bounding how far a text scan must look ahead.</summary>
    public int MaxKeyLength { get; }

    /// <summary>True when some entry has exactly this strict key.</summary>
    public bool ContainsKey(string key) => exact.ContainsKey(key);

    /// <summary>The hash of the empty key; <see cref="PrefixHash(ulong, ReadOnlySpan{char})"/> extends it letter by letter (FNV-1a).</summary>
    public const ulong PrefixHashSeed = 14695981039346656037UL;

    public static ulong PrefixHash(ulong hash, char c) => (hash ^ c) * 1099511628211UL;

    public static ulong PrefixHash(ulong hash, ReadOnlySpan<char> more)
    {
        foreach (var c in more)
        {
            hash = PrefixHash(hash, c);
        }

        return hash;
    }

    /// <summary>
    /// False when no strict key begins with the key whose <see cref="PrefixHash(ulong, char)"/> this is; true means
    /// "probably" (hashes may collide), so a text scan can stop a name as soon as this says false.
    /// </summary>
    public bool IsKeyPrefix(ulong hash) => prefixHashes.Contains(hash);

    /// <summary>False when no strict key has this hash; true means look the key up.</summary>
    public bool MayBeKey(ulong hash) => keyHashes.Contains(hash);

    /// <summary>True when some entry has exactly this strict key (a key being built in a buffer).</summary>
    public bool ContainsKey(ReadOnlySpan<char> key) => exactSpans.ContainsKey(key);

    /// <summary>
    /// True when the strict key is some entry's, or shares a skeleton with a key at most half its letters apart
    /// (a match scoring <see cref="CloseScore"/> or more; one-edit matches score less and are not looked at).
    /// </summary>
    public bool HasCloseMatch(ReadOnlySpan<char> key)
    {
        if (key.Length < 2)
        {
            return false;
        }

        if (exactSpans.ContainsKey(key))
        {
            return true;
        }

        var buffer = key.Length <= 128 ? stackalloc char[128] : new char[key.Length];
        var skeleton = buffer[..NameKey.SkeletonOf(key, buffer)];
        if (skeleton.Length < MinSkeletonLength || !skeletonSpans.TryGetValue(skeleton, out var hits))
        {
            return false;
        }

        foreach (var entry in hits)
        {
            foreach (var other in keysByEntry[entry])
            {
                if (SkeletonScore - (SimilaritySpread * (1 - Similarity(key, other))) >= CloseScore)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Entries whose names match <paramref name="name"/>, best tier only, each entry once.</summary>
    public IReadOnlyList<NameMatch> Lookup(string name) => Tiers(name).FirstOrDefault(t => t.Count > 0) ?? [];

    /// <summary>
    /// The matches of each tier in turn (exact, skeleton, one edit), computed only as far as the caller reads:
    /// a caller whose context rules out every exact match goes on to the looser tiers.
    /// </summary>
    public IEnumerable<IReadOnlyList<NameMatch>> Tiers(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = NameKey.Of(name);
        if (key.Length < 2)
        {
            yield break;
        }

        if (exact.TryGetValue(key, out var hits))
        {
            yield return Scored(hits, ExactScore);
        }

        var skeleton = NameKey.SkeletonOf(key);
        if (skeleton.Length >= MinSkeletonLength && skeletons.TryGetValue(skeleton, out hits))
        {
            yield return Similar(hits, key, SkeletonScore);
        }

        if (key.Length >= MinFuzzyKeyLength && !NameKey.IsArabic(key[0]))
        {
            yield return Fuzzy(key);
        }
    }

    private NameMatch[] Fuzzy(string key)
    {
        var found = new HashSet<int>();
        var deletionSpans = deletions.GetAlternateLookup<ReadOnlySpan<char>>();
        if (deletionSpans.TryGetValue(key, out var hits))
        {
            found.UnionWith(hits);
        }

        // Each one-letter deletion of the key, built in one buffer rather than as a string apiece.
        Span<char> deletion = key.Length <= 128 ? stackalloc char[128] : new char[key.Length];
        for (var i = 0; i < key.Length; i++)
        {
            key.AsSpan(0, i).CopyTo(deletion);
            key.AsSpan(i + 1).CopyTo(deletion[i..]);
            var d = deletion[..(key.Length - 1)];
            if (exactSpans.TryGetValue(d, out hits))
            {
                found.UnionWith(hits);
            }

            if (deletionSpans.TryGetValue(d, out hits))
            {
                found.UnionWith(hits);
            }
        }

        return Similar([.. found], key, FuzzyScore);
    }

    // Within a loose tier, the entry whose closest name is fewest edits away scores highest ("Baghuz": Bagouz before Bughaz).
    private NameMatch[] Similar(int[] entries, string key, double tierScore)
    {
        var result = new NameMatch[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var best = 0.0;
            foreach (var other in keysByEntry[entries[i]])
            {
                best = Math.Max(best, Similarity(key, other));
            }

            result[i] = new NameMatch(entries[i], tierScore - SimilaritySpread * (1 - best));
        }

        return result;
    }

    /// <summary>1 − Levenshtein distance / longer length.</summary>
    internal static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > Math.Max(a.Length, b.Length) / 2)
        {
            return 0;
        }

        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            current.CopyTo(previous);
        }

        return 1.0 - (double)previous[b.Length] / Math.Max(a.Length, b.Length);
    }

    private static NameMatch[] Scored(int[] entries, double score)
    {
        var result = new NameMatch[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            result[i] = new NameMatch(entries[i], score);
        }

        return result;
    }

    private static IEnumerable<string> Deletions(string key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            yield return string.Concat(key.AsSpan(0, i), key.AsSpan(i + 1));
        }
    }

    private static void Add(Dictionary<string, List<int>> lists, string key, int entry)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        if (list.Count == 0 || list[^1] != entry)
        {
            list.Add(entry);
        }
    }

    private static Dictionary<string, int[]> Freeze(Dictionary<string, List<int>> lists)
    {
        var frozen = new Dictionary<string, int[]>(lists.Count, StringComparer.Ordinal);
        // Add appends entries in rising order and skips a repeat of the last, so each list is already distinct.
        foreach (var (key, list) in lists)
        {
            frozen[key] = [.. list];
        }

        return frozen;
    }
}
