using System.Globalization;
using Marsad.Domain.Common;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Geography;

/// <summary>
/// A stand-in geocoder until the gazetteer lands: a few dozen major places with all the spellings we know,
/// matched exactly (ignoring case, hyphens and a leading al-/el-/ad-/ash-). Immutable, thread-safe.
/// </summary>
public sealed class ExactNameGeocoder : IGeocoder
{
    private static readonly string[] Articles = ["al", "el", "ad", "ash", "as", "ar", "at", "az", "an", "ath"];

    private readonly PhraseMatcher<PlaceEntry> _matcher;
    private readonly Dictionary<string, PlaceEntry> _byKey;

    private ExactNameGeocoder(IReadOnlyList<(PlaceEntry Entry, string[] Variants)> places)
    {
        var pairs = new List<KeyValuePair<string, PlaceEntry>>();
        _byKey = new Dictionary<string, PlaceEntry>(StringComparer.Ordinal);
        foreach (var (entry, variants) in places)
        {
            foreach (var v in variants.Append(entry.Name))
            {
                pairs.Add(new(v, entry));
                _byKey.TryAdd(Key(v), entry);
            }
        }

        _matcher = new PhraseMatcher<PlaceEntry>(pairs);
    }

    public static ExactNameGeocoder Default { get; } = Load();

    public IReadOnlyList<PlaceMatch> FindNames(string text) => FindNames(text, Tokenizer.Tokenize(text));

    public IReadOnlyList<PlaceMatch> FindNames(string text, Token[] tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var result = new List<PlaceMatch>();
        foreach (var m in _matcher.FindAll(text, tokens, 0, tokens.Length))
        {
            var start = tokens[m.First].Start;
            var end = tokens[m.First + m.Count - 1].End;
            // A place name is a proper noun: "army", "badia" and the like in lower case are ordinary words.
            if (char.IsUpper(text[start]) || text.AsSpan(start).StartsWith("al", StringComparison.Ordinal))
            {
                result.Add(new PlaceMatch(start, end, text[start..end]));
            }
        }

        return result;
    }

    public Location? Resolve(PlaceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!_byKey.TryGetValue(Key(query.Name), out var entry))
        {
            return null;
        }

        var precision = entry.Kind == "region" ? GeoPrecision.Region : query.Precision;
        return new Location(entry.Name, null, entry.Admin1, null, null, entry.Point, entry.Point is null ? null : precision);
    }

    /// <summary>The lookup key: lower case, words only, a leading Arabic article dropped ("Al-Hasakah" = "Hasakah").</summary>
    internal static string Key(string name)
    {
        var tokens = Tokenizer.Tokenize(name);
        var words = new List<string>(tokens.Length);
        foreach (var t in tokens)
        {
            if (t.Kind != TokenKind.Punctuation || name[t.Start] == '\'')
            {
                words.Add(name[t.Start..t.End].ToLowerInvariant());
            }
        }

        if (words.Count > 1 && Articles.Contains(words[0]))
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }

    private static ExactNameGeocoder Load()
    {
        using var stream = typeof(ExactNameGeocoder).Assembly.GetManifestResourceStream("Marsad.Extraction.places.tsv")
            ?? throw new InvalidOperationException("the embedded place table is missing");
        using var reader = new StreamReader(stream);
        var places = new List<(PlaceEntry, string[])>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var c = line.Split('\t');
            var point = new GeoPoint(double.Parse(c[2], CultureInfo.InvariantCulture), double.Parse(c[3], CultureInfo.InvariantCulture));
            places.Add((new PlaceEntry(c[0], c[1], point, c[4]), c[5].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
        }

        return new ExactNameGeocoder(places);
    }

    private sealed record PlaceEntry(string Name, string? Admin1, GeoPoint? Point, string Kind);
}
