using Marsad.Domain.Lexicon;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Recognition.Actors;

/// <summary>The actor lexicon, loaded once from the embedded <c>actors.tsv</c> and shared by every thread.</summary>
public sealed class ActorLexicon
{
    private ActorLexicon(IReadOnlyList<ActorEntry> entries, PhraseMatcher<ActorVariant> matcher)
    {
        Entries = entries;
        Matcher = matcher;
        ByName = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    public static ActorLexicon Default { get; } = Load();

    public IReadOnlyList<ActorEntry> Entries { get; }

    public IReadOnlyDictionary<string, ActorEntry> ByName { get; }

    internal PhraseMatcher<ActorVariant> Matcher { get; }

    public static ActorLexicon Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<ActorEntry>();
        var variants = new List<KeyValuePair<string, ActorVariant>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 4)
            {
                throw new FormatException($"actor lexicon: expected 4 tab-separated columns, got {cols.Length} in '{line}'");
            }

            var forms = cols[3].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var entry = new ActorEntry(new Actor(cols[0], forms.Select(f => f.TrimStart('='))), cols[1], cols[2]);
            entries.Add(entry);
            // Notes also use the canonical name itself, without its dates: "the Military Forces of Syria", "Syrian Democratic Forces".
            var plain = PlainName(cols[0]);
            foreach (var form in forms.Append(plain).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var caseSensitive = form[0] == '=';
                var phrase = caseSensitive ? form[1..] : form;
                variants.Add(new(phrase, new ActorVariant(entry, phrase, caseSensitive)));
            }
        }

        return new ActorLexicon(entries, new PhraseMatcher<ActorVariant>(variants));
    }

    // "Military Forces of Syria (2000-) 4th Armored Division" → "Military Forces of Syria 4th Armored Division"; "QSD: Syrian Democratic Forces" → "Syrian Democratic Forces".
    private static string PlainName(string canonical)
    {
        var name = canonical;
        var colon = name.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0)
        {
            name = name[(colon + 2)..];
        }

        var open = name.IndexOf(" (", StringComparison.Ordinal);
        var close = open < 0 ? -1 : name.IndexOf(')', open);
        return close < 0 ? name : (name[..open] + name[(close + 1)..]).Trim();
    }

    private static ActorLexicon Load()
    {
        using var stream = typeof(ActorLexicon).Assembly.GetManifestResourceStream("Marsad.Extraction.actors.tsv")
            ?? throw new InvalidOperationException("the embedded actor lexicon is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
