using Marsad.Domain.Common;

namespace Marsad.Extraction.Geography;

/// <summary>
/// The names that must never become a place in one document: its sources' names. A source named like a village
/// ("Abu Omar said…") would otherwise be geocoded to that village and shown to the public as the event's place, naming
/// a confidential source where no masking looks for it. Occurrences are found in <see cref="NameNormaliser"/>'s form
/// (case, spacing, punctuation and Unicode variants aside), whole words only.
/// </summary>
internal sealed class SourceNameGuard
{
    private readonly string[] keys;
    private string? lastText;
    private List<(int Start, int End)> lastSpans = [];

    private SourceNameGuard(string[] keys) => this.keys = keys;

    /// <summary>The guard for <paramref name="input"/>'s names (its own source included), or null when it has none.</summary>
    public static SourceNameGuard? For(DocumentInput input)
    {
        var keys = (input.NotPlaces ?? []).Append(input.Source)
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => NameNormaliser.Key(n!))
            .Where(k => k.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return keys.Length == 0 ? null : new SourceNameGuard(keys);
    }

    /// <summary>Whether <paramref name="name"/> is one of the names.</summary>
    public bool IsName(string name) => Array.IndexOf(keys, NameNormaliser.Key(name)) >= 0;

    /// <summary>Whether characters [start, end) of <paramref name="text"/> overlap an occurrence of one of the names.</summary>
    public bool Covers(string text, int start, int end)
    {
        foreach (var (s, e) in Occurrences(text))
        {
            if (s < end && start < e)
            {
                return true;
            }
        }

        return false;
    }

    // One document's text is asked about many times (every match, every sentence): its occurrences are found once.
    private List<(int Start, int End)> Occurrences(string text)
    {
        if (ReferenceEquals(text, lastText))
        {
            return lastSpans;
        }

        var map = NameNormaliser.Map(text);
        var spans = new List<(int, int)>();
        foreach (var key in keys)
        {
            for (var at = map.Text.IndexOf(key, StringComparison.Ordinal); at >= 0; at = map.Text.IndexOf(key, at + 1, StringComparison.Ordinal))
            {
                var end = at + key.Length;
                if ((at == 0 || map.Text[at - 1] == ' ') && (end == map.Text.Length || map.Text[end] == ' '))
                {
                    spans.Add((map.Starts[at], map.Ends[end - 1]));
                }
            }
        }

        (lastText, lastSpans) = (text, spans);
        return spans;
    }
}

/// <summary>A geocoder that neither finds nor resolves the names its <see cref="SourceNameGuard"/> holds.</summary>
internal sealed class GuardedGeocoder(IGeocoder inner, SourceNameGuard guard) : IGeocoder
{
    public IReadOnlyList<PlaceMatch> FindNames(string text) => Without(text, inner.FindNames(text));

    public IReadOnlyList<PlaceMatch> FindNames(string text, Text.Token[] tokens) => Without(text, inner.FindNames(text, tokens));

    public string? GovernorateNamed(string name) => guard.IsName(name) ? null : inner.GovernorateNamed(name);

    public Location? Resolve(PlaceQuery query) => guard.IsName(query.Name) ? null : inner.Resolve(query);

    public bool KnowsExactly(string name) => inner.KnowsExactly(name);

    private List<PlaceMatch> Without(string text, IReadOnlyList<PlaceMatch> matches) => [.. matches.Where(m => !guard.Covers(text, m.Start, m.End))];
}
