namespace Marsad.Extraction.Arabic;

/// <summary>An actor's canonical (ACLED) name and its camp, as the Arabic lexicon maps an Arabic name.</summary>
public sealed record ArabicActor(string Name, string Camp)
{
    public bool IsCivilians => Camp == "civilians";
}

/// <summary>An actor named at tokens [First, First + Length).</summary>
public sealed record ArabicActorMention(int First, int Length, ArabicActor Actor);

/// <summary>
/// The Arabic actor lexicon (embedded <c>actors-ar.tsv</c>): the names observatories use ("قوات النظام"، "قسد"،
/// "الفصائل الموالية لتركيا") mapped to the canonical names the English lexicon uses, longest name first.
/// </summary>
public static class ArabicActors
{
    // One read of the embedded file for the lexicon, the canonical names and the usual Arabic names. (Static properties
    // that a loader sets would be reset by their own initialisers, which run after it in textual order.)
    private static readonly ArabicActorTable Table = Load();

    public static ArabicLexicon<ArabicActor> Lexicon => Table.Lexicon;

    /// <summary>Every canonical name the Arabic lexicon maps to.</summary>
    public static IReadOnlyList<string> CanonicalNames => Table.CanonicalNames;

    /// <summary>
    /// An actor's usual Arabic name (the first the lexicon lists for its canonical name), shown beside the canonical
    /// name to Arabic readers; null for an actor the Arabic lexicon does not know.
    /// </summary>
    public static string? ArabicNameOf(string? canonical) =>
        canonical is not null && Table.ArabicNames.TryGetValue(canonical, out var name) ? name : null;

    public static List<ArabicActorMention> Find(IReadOnlyList<ArabicToken> tokens, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var found = new List<ArabicActorMention>();
        for (var i = from; i < to; i++)
        {
            var (actor, length) = Lexicon.Match(tokens, i, to);
            if (length > 0 && actor is not null)
            {
                found.Add(new ArabicActorMention(i, length, actor));
                i += length - 1;
            }
        }

        return found;
    }

    public static ArabicLexicon<ArabicActor> Parse(TextReader reader) => ParseTable(reader).Lexicon;

    /// <summary>The lexicon of a TSV of Arabic names, with its canonical names and each one's first (usual) Arabic name.</summary>
    public static ArabicActorTable ParseTable(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var phrases = new List<KeyValuePair<string, ArabicActor>>();
        var names = new List<string>();
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 3)
            {
                throw new FormatException($"Arabic actor lexicon: expected 3 tab-separated columns, got {cols.Length} in '{line}'");
            }

            var actor = new ArabicActor(cols[2], cols[1]);
            names.Add(actor.Name);
            first.TryAdd(actor.Name, cols[0].Split('|', 2)[0].Trim());
            phrases.AddRange(cols[0].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => new KeyValuePair<string, ArabicActor>(f, actor)));
        }

        return new ArabicActorTable(new ArabicLexicon<ArabicActor>(phrases), names, first);
    }

    private static ArabicActorTable Load()
    {
        using var stream = typeof(ArabicActors).Assembly.GetManifestResourceStream("Marsad.Extraction.actors-ar.tsv")
            ?? throw new InvalidOperationException("the embedded Arabic actor lexicon is missing");
        using var reader = new StreamReader(stream);
        return ParseTable(reader);
    }
}

/// <summary>The Arabic actor lexicon as read from its TSV.</summary>
public sealed record ArabicActorTable(ArabicLexicon<ArabicActor> Lexicon, IReadOnlyList<string> CanonicalNames, IReadOnlyDictionary<string, string> ArabicNames);
