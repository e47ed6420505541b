using Marsad.Extraction.Recognition.Actors;

namespace Marsad.Core.Names;

/// <summary>
/// Actor names as people type them, mapped to the lexicon's canonical name: the canonical name itself, any variant
/// ("ISIS", "SDF", "Turkey"), or the name without its dates and prefix, all case-insensitively.
/// </summary>
public sealed class ActorNames
{
    private readonly Dictionary<string, string> canonicalOf = new(StringComparer.OrdinalIgnoreCase);

    public ActorNames(ActorLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        // Canonical names first so a variant never shadows an actor's own name; then variants, first entry wins.
        foreach (var entry in lexicon.Entries)
        {
            canonicalOf.TryAdd(entry.Name, entry.Name);
        }

        foreach (var entry in lexicon.Entries)
        {
            foreach (var variant in entry.Actor.Variants)
            {
                canonicalOf.TryAdd(variant, entry.Name);
            }
        }
    }

    public static ActorNames Default { get; } = new(ActorLexicon.Default);

    /// <summary>Every name that resolves, canonical and variant.</summary>
    public IEnumerable<string> Known => canonicalOf.Keys;

    /// <summary>The canonical name, or null when the lexicon does not know the name.</summary>
    public string? Canonical(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var t = typed.Trim();
        return canonicalOf.TryGetValue(t, out var name) ? name
            : t.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && canonicalOf.TryGetValue(t[4..], out name) ? name
            : null;
    }

    /// <summary>The nearest known name, for a hint when <see cref="Canonical"/> found none.</summary>
    public string? Nearest(string typed) => NearestName.Of(typed, Known) is { } near ? canonicalOf[near] : null;
}
