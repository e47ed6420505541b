using Marsad.Domain.Common;

namespace Marsad.Extraction.Geography;

/// <summary>
/// The geocoder over a loaded <see cref="Gazetteer"/>. A reference is resolved by looking its name up in the
/// index (exact key, then skeleton, then one-edit), keeping the candidates inside the area the text names,
/// and ranking them by name match, closeness to the report's other places and prominence. Admin areas
/// answer at region precision with their representative point; every point carries its OCHA admin names.
/// Immutable and thread-safe.
/// </summary>
public sealed class GazetteerGeocoder(Gazetteer gazetteer) : IGeocoder
{
    private const double NameWeight = 2.0;
    private const double ProminenceWeight = 0.1;
    private const double NearWeight = 0.8;
    private const double NearScaleKm = 15;
    private const double PlaceRadiusKm = 25;
    private const double TownRadiusKm = 15;
    private const double CoarseReplacementKm = 30;
    private const double SpellingWeight = 0.6;
    private const int MaxSpellingLength = 48;

    // Answers are pure functions of the query and the immutable gazetteer, and reports name the same places again and
    // again ("Idleb countryside", "Kabani"): each distinct query is ranked once. Bounded so that a stream of novel
    // names cannot grow it without limit; past the bound, queries are ranked every time as before.
    private const int MaxCachedQueries = 200_000;

    private readonly PlaceNameFinder finder = new(gazetteer);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Name, GeoPrecision Precision, string? Within), Location?> resolved = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> governorateNames = new(StringComparer.Ordinal);
    private int cachedQueries;

    // Every name key of the 14 governorates, to the governorate's name: asked for each place reference, so a table
    // rather than an index lookup.
    private readonly Lazy<System.Collections.Frozen.FrozenDictionary<string, string>> governorateKeys = new(() => System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(
        gazetteer.Boundaries.Areas.Where(a => a.Level == 1).SelectMany(a => a.AllNames.Select(n => (Key: NameKey.Of(n), a.NameEn))).Where(k => k.Key.Length > 0)
            .DistinctBy(k => k.Key, StringComparer.Ordinal),
        k => k.Key, k => k.NameEn, StringComparer.Ordinal));

    public Gazetteer Gazetteer { get; } = gazetteer;

    /// <summary>The shipped gazetteer with the user's places (see <see cref="GazetteerLocator"/>).</summary>
    public static GazetteerGeocoder LoadDefault() => new(GazetteerLocator.LoadDefault());

    private static readonly Lazy<GazetteerGeocoder> SharedDefault = new(LoadDefault);

    /// <summary>
    /// One loaded default gazetteer for a whole process (loaded on first use): the filters and the review fields of a
    /// server read the same tables, so they are read from disk and indexed once, not once for each.
    /// </summary>
    public static GazetteerGeocoder Shared => SharedDefault.Value;

    public IReadOnlyList<PlaceMatch> FindNames(string text) => finder.Find(text);

    /// <summary>The names over the engine's tokens: keys of capitalised words only, looked up in the index without allocating.</summary>
    public IReadOnlyList<PlaceMatch> FindNames(string text, Text.Token[] tokens) => finder.Find(text, tokens);

    public Location? Resolve(PlaceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Near is { Count: > 0 })
        {
            return ResolveUncached(query);
        }

        var key = (query.Name, query.Precision, query.WithinArea);
        if (resolved.TryGetValue(key, out var known))
        {
            return known;
        }

        var location = ResolveUncached(query);
        if (Interlocked.Increment(ref cachedQueries) <= MaxCachedQueries)
        {
            resolved.TryAdd(key, location);
        }

        return location;
    }

    private Location? ResolveUncached(PlaceQuery query)
    {
        var best = Candidates(query).FirstOrDefault();
        return best is null || (!best.InArea && query.WithinArea is not null && !NearArea(best, query)) ? null : best.Location;
    }

    /// <summary>Every candidate for the reference, best first: in-area candidates before the rest.</summary>
    public IReadOnlyList<PlaceCandidate> Candidates(PlaceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (name, precision) = QueryName.Clean(query.Name, query.Precision);
        var area = query.WithinArea is null ? null : AreaFor(query.WithinArea);
        var parts = name.Split(" - ", 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && GenericWords.IsGeneric(parts[1]))
        {
            return Rank($"{parts[0]} {parts[1]}", precision, area, query.Near);
        }

        if (parts.Length == 2)
        {
            // "Damascus - Jobar", "Tadmor - Airbase", "Bishri Mountain - Deir-ez-Zor": one part places the other.
            var inner = WithinPlace(parts[1], parts[0], precision, area, query.Near);
            if (inner.Count > 0 && inner[0].InArea && !inner[0].Entry.IsApproximate && inner[0].NameScore >= NameIndex.CloseScore)
            {
                return inner;
            }

            var outer = Rank(parts[0], precision, AreaFor(parts[1]) ?? area, query.Near);
            return outer.Count > 0 ? outer : Rank(name, precision, area, query.Near);
        }

        return Rank(name, precision, area, query.Near);
    }

    /// <summary>The admin areas of any point, for points that did not come from the gazetteer.</summary>
    public Location Describe(GeoPoint point, GeoPrecision precision, string? name = null, string? placeId = null)
    {
        ArgumentNullException.ThrowIfNull(point);
        var codes = Gazetteer.Boundaries.Locate(point);
        return MakeLocation(name, placeId, codes.Admin1, codes.Admin2, codes.Admin3, point, precision);
    }

    // The town a neighbourhood or site belongs to: candidates must lie around it, the closest first.
    private List<PlaceCandidate> WithinPlace(string name, string placeName, GeoPrecision precision, AreaConstraint? area, IReadOnlyList<GeoPoint>? near)
    {
        var place = Rank(placeName, GeoPrecision.Place, area, near).FirstOrDefault(c => c.InArea && !c.Entry.Kind.IsAdminArea() && !c.Entry.IsApproximate);
        if (place is null)
        {
            return Rank(name, precision, AreaFor(placeName) ?? area, near);
        }

        var around = new AreaConstraint(null, place.Entry.Point, TownRadiusKm);
        return Rank(name, precision, around, [place.Entry.Point, .. near ?? []]);
    }

    private List<PlaceCandidate> Rank(string name, GeoPrecision precision, AreaConstraint? area, IReadOnlyList<GeoPoint>? near)
    {
        // The tightest name tier with a candidate in the area wins; failing that, the tightest tier with any.
        // A centroid-only answer gives way to a looser spelling of a place with its own point close by.
        List<PlaceCandidate>? fallback = null;
        List<PlaceCandidate>? coarse = null;
        var names = GenericWords.Strip(name) is { } bare ? new[] { name, bare } : [name];
        foreach (var tier in names.SelectMany(Gazetteer.Index.Tiers))
        {
            var ranked = Score(tier, name, precision, area, near);
            if (ranked.Count == 0 || !ranked[0].InArea)
            {
                fallback ??= ranked.Count > 0 ? ranked : null;
                continue;
            }

            if (coarse is null && !ranked[0].Entry.IsApproximate)
            {
                return ranked;
            }

            if (coarse is null)
            {
                coarse = ranked;
            }
            else if (!ranked[0].Entry.IsApproximate && ranked[0].NameScore >= NameIndex.CloseScore
                     && Geo.ApproxKm(ranked[0].Entry.Point, coarse[0].Entry.Point) <= CoarseReplacementKm)
            {
                return ranked;
            }
        }

        return coarse ?? fallback ?? [];
    }

    private List<PlaceCandidate> Score(IReadOnlyList<NameMatch> matches, string name, GeoPrecision precision, AreaConstraint? area, IReadOnlyList<GeoPoint>? near)
    {
        Func<GazetteerEntry, Location> locate = entry => ToLocation(entry, precision);
        var scored = new (GazetteerEntry Entry, double Score, bool InArea, double? NearestKm)[matches.Count];
        var bestInArea = double.MinValue;
        var best = double.MinValue;
        for (var i = 0; i < matches.Count; i++)
        {
            var entry = Gazetteer.Entries[matches[i].Entry];
            var inArea = area is null || area.Contains(entry, Gazetteer.Boundaries);
            var nearestKm = near is { Count: > 0 } ? near.Min(p => Geo.ApproxKm(p, entry.Point)) : (double?)null;
            var score = NameWeight * matches[i].Score
                        + ProminenceWeight * Math.Min(entry.Prominence, 10)
                        + (nearestKm is { } km ? NearWeight * NearScaleKm / (NearScaleKm + km) : 0)
                        + entry.PointTrust
                        + KindFit(entry, precision);
            scored[i] = (entry, score, inArea, nearestKm);
            best = Math.Max(best, score);
            bestInArea = inArea ? Math.Max(bestInArea, score) : bestInArea;
        }

        // Spelling only decides between candidates it can reorder at the top: those within its weight of the leader.
        var leader = bestInArea > double.MinValue ? bestInArea : best;
        Span<char> letters = stackalloc char[Math.Min(name.Length, MaxSpellingLength)];
        var contenders = 0;
        foreach (var c in scored)
        {
            contenders += c.Score >= leader - SpellingWeight && (c.InArea || bestInArea == double.MinValue) ? 1 : 0;
        }

        var spelled = contenders > 1 ? Letters(name, letters) : [];
        var candidates = new List<PlaceCandidate>(matches.Count);
        for (var i = 0; i < scored.Length; i++)
        {
            var (entry, score, inArea, nearestKm) = scored[i];
            if (spelled.Length > 0 && score >= leader - SpellingWeight)
            {
                score += SpellingWeight * Spelling(spelled, entry);
            }

            candidates.Add(new PlaceCandidate(entry, score, matches[i].Score, inArea, nearestKm, locate));
        }

        candidates.Sort((a, b) => a.InArea != b.InArea ? (a.InArea ? -1 : 1) : b.Score.CompareTo(a.Score));
        return candidates;
    }

    // Homonyms that share a key are told apart by how the name is spelled: a source tends to keep one list's
    // transliteration ("Salhiyeh" is the IOM village, "Al Salhiyyah" another source's namesake 90 km away).
    private static double Spelling(ReadOnlySpan<char> spelled, GazetteerEntry entry)
    {
        Span<char> buffer = stackalloc char[MaxSpellingLength];
        var best = 0.0;
        foreach (var other in entry.AllNames)
        {
            var letters = Letters(other, buffer);
            if (letters.Length > 0)
            {
                best = Math.Max(best, NameIndex.Similarity(spelled, letters));
            }
        }

        return best;
    }

    // The name's Latin letters, lower case, without spaces, hyphens and marks ("Al-Hamrat" → "alhamrat"); empty for Arabic script.
    private static ReadOnlySpan<char> Letters(string name, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in name)
        {
            if (n == buffer.Length)
            {
                break;
            }

            if (char.IsAsciiLetter(c))
            {
                buffer[n++] = (char)(c | 0x20);
            }
        }

        return buffer[..n];
    }

    // A settlement answers "X" at place precision; the admin area of the same name answers "X countryside".
    private static double KindFit(GazetteerEntry entry, GeoPrecision precision)
    {
        var isRegion = entry.Kind.IsAdminArea() || entry.Kind == PlaceKind.Area;
        var fit = precision == GeoPrecision.Region ? (isRegion ? 1.0 : 0) : (entry.Kind.IsAdminArea() ? -0.5 : 0);
        return fit - (entry.IsApproximate ? 0.5 : 0);
    }

    private bool NearArea(PlaceCandidate candidate, PlaceQuery query)
    {
        var area = AreaFor(query.WithinArea!);
        return area is null || area.Contains(candidate.Entry, Gazetteer.Boundaries, AreaConstraint.FallbackToleranceKm);
    }

    public bool KnowsExactly(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var clean = QueryName.Clean(name, GeoPrecision.Place).Name;
        return Gazetteer.Index.ContainsKey(NameKey.Of(clean)) || (GenericWords.Strip(clean) is { } bare && Gazetteer.Index.ContainsKey(NameKey.Of(bare)));
    }

    public string? GovernorateNamed(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (governorateNames.TryGetValue(name, out var known))
        {
            return known;
        }

        var governorate = governorateKeys.Value.GetValueOrDefault(NameKey.Of(name))
                          ?? (WithArticleApart(name) is { } apart ? governorateKeys.Value.GetValueOrDefault(NameKey.Of(apart)) : null);
        if (Interlocked.Increment(ref cachedQueries) <= MaxCachedQueries)
        {
            governorateNames.TryAdd(name, governorate);
        }

        return governorate;
    }

    private const string SunLetters = "tdrzsnl";

    /// <summary>
    /// "Deir Ezzor" → "Deir Ez zor", "Arraqqa" → "Ar raqqa": the article written onto a name whose first (sun) letter it
    /// doubles. The strict key drops a separate article but keeps one written onto the word, so the two spellings of one
    /// governorate would get two keys. Null when no word of the name starts that way.
    /// </summary>
    internal static string? WithArticleApart(string name)
    {
        System.Text.StringBuilder? b = null;
        var start = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i < name.Length && char.IsLetter(name[i]))
            {
                continue;
            }

            if (i - start >= 5 && (char.ToLowerInvariant(name[start]) is 'a' or 'e') && char.ToLowerInvariant(name[start + 1]) == char.ToLowerInvariant(name[start + 2])
                && SunLetters.Contains(char.ToLowerInvariant(name[start + 1]), StringComparison.Ordinal))
            {
                b ??= new System.Text.StringBuilder(name.Length + 4).Append(name, 0, start);
                b.Append(name, start, 2).Append(' ').Append(name, start + 2, i - start - 2);
            }
            else
            {
                b?.Append(name, start, i - start);
            }

            if (i < name.Length)
            {
                b?.Append(name[i]);
            }

            start = i + 1;
        }

        return b?.ToString();
    }

    /// <summary>The largest admin area that <paramref name="name"/> names ("Idleb" → the governorate), or null.</summary>
    public AdminArea? FindArea(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return AreaMatches(name).Admin ?? AreaMatches(QueryName.Clean(name, GeoPrecision.Region).Name).Admin;
    }

    private AreaConstraint? AreaFor(string areaName)
    {
        var (admin, place) = AreaMatches(areaName);
        if (admin is null)
        {
            (admin, place) = AreaMatches(QueryName.Clean(areaName, GeoPrecision.Region).Name);
        }

        return admin is not null ? new AreaConstraint(admin, null, 0)
            : place is not null ? new AreaConstraint(null, place.Point, PlaceRadiusKm)
            : null;
    }

    private (AdminArea? Admin, GazetteerEntry? Place) AreaMatches(string name)
    {
        AdminArea? admin = null;
        GazetteerEntry? place = null;
        foreach (var match in Gazetteer.Index.Lookup(name))
        {
            var entry = Gazetteer.Entries[match.Entry];
            if (Gazetteer.AreaOf(entry) is { } area)
            {
                if (admin is null || area.Level < admin.Level)
                {
                    admin = area;
                }
            }
            else if (!entry.IsApproximate && (place is null || entry.Prominence > place.Prominence))
            {
                place = entry;
            }
        }

        return (admin, place);
    }

    private Location ToLocation(GazetteerEntry entry, GeoPrecision precision)
    {
        var effective = entry.Kind.IsAdminArea() || entry.Kind == PlaceKind.Area || entry.IsApproximate ? GeoPrecision.Region
            : entry.IsTownCentre ? (GeoPrecision)Math.Max((int)precision, (int)GeoPrecision.NearPlace)
            : precision;
        return MakeLocation(entry.Name, entry.Id, entry.Admin1, entry.Admin2, entry.Admin3, entry.Point, effective);
    }

    private Location MakeLocation(string? name, string? placeId, string? admin1, string? admin2, string? admin3, GeoPoint point, GeoPrecision precision)
    {
        var b = Gazetteer.Boundaries;
        return new Location(name, placeId, b.Find(admin1)?.NameEn, b.Find(admin2)?.NameEn, b.Find(admin3)?.NameEn, point, precision);
    }
}
