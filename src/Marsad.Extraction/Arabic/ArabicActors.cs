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
    public static ArabicLexicon<ArabicActor> Lexicon { get; } = Load();

    /// <summary>Every canonical name the Arabic lexicon maps to.</summary>
    public static IReadOnlyList<string> CanonicalNames { get; private set; } = [];

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

    public static ArabicLexicon<ArabicActor> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var phrases = new List<KeyValuePair<string, ArabicActor>>();
        var names = new List<string>();
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
            phrases.AddRange(cols[0].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => new KeyValuePair<string, ArabicActor>(f, actor)));
        }

        CanonicalNames = names;
        return new ArabicLexicon<ArabicActor>(phrases);
    }

    private static ArabicLexicon<ArabicActor> Load()
    {
        using var stream = typeof(ArabicActors).Assembly.GetManifestResourceStream("Marsad.Extraction.actors-ar.tsv")
            ?? throw new InvalidOperationException("the embedded Arabic actor lexicon is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
