using System.Globalization;
using System.Text.RegularExpressions;
using Marsad.Domain.Common;
using Marsad.Extraction.Geography;

namespace Marsad.Core.Review.PlainValues;

/// <summary>
/// Places as a coder types them, looked up in the gazetteer: <c>Rmelan</c>; <c>Rmelan, Al-Hasakeh</c> (only candidates in
/// that area); <c>Rmelan #2</c> (the second candidate offered); <c>36.97, 41.94</c> (a point, described by the boundaries).
/// A name that several distinct places answer about equally well is refused with the candidates named, never guessed.
/// </summary>
public sealed partial class PlainPlace(Func<GazetteerGeocoder> geocoder)
{
    private const int Offered = 8;

    // Candidates scoring within this fraction of the best are as good an answer as the best.
    private const double TieRatio = 0.9;

    private const double SamePlaceKm = 5;

    private readonly Lazy<GazetteerGeocoder> gazetteer = new(geocoder);

    private Dictionary<string, string>? namesById;

    private Dictionary<string, string>? arabicById;

    private Dictionary<string, string>? arabicAreas;

    public static PlainPlace Default { get; } = new(() => GazetteerGeocoder.Shared);

    /// <summary>The admin boundaries of the same gazetteer, for checks on where a place lies (review warnings).</summary>
    internal AdminBoundaries Boundaries => gazetteer.Value.Gazetteer.Boundaries;

    /// <summary>
    /// The gazetteer's own name (OCHA/English) of a place id, or null: shown beside the name an Arabic report wrote
    /// ("كفرنبل" is place C4068, Kafr Nobol).
    /// </summary>
    public string? NameOf(string? placeId)
    {
        if (placeId is null)
        {
            return null;
        }

        // Built once; a race builds it twice with the same content, which is harmless.
        var names = namesById ??= gazetteer.Value.Gazetteer.Entries.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        return names.GetValueOrDefault(placeId);
    }

    /// <summary>
    /// The gazetteer's Arabic name of a place id, or null when it has none: an admin area's OCHA Arabic name, else the
    /// place's first alternate name written in Arabic letters (the IOM/OCHA communities' and GeoNames' Arabic names).
    /// Persian spellings (with ک or ی) are passed over: they are alternates, not the name Syrian reports use.
    /// </summary>
    public string? ArabicNameOf(string? placeId)
    {
        if (placeId is null)
        {
            return null;
        }

        var names = arabicById ??= BuildArabicNames();
        return names.GetValueOrDefault(placeId);
    }

    /// <summary>The OCHA Arabic name of an admin area given by its English name (a location's admin1 or admin2), or null.</summary>
    public string? ArabicAreaNameOf(string? englishName)
    {
        if (englishName is null)
        {
            return null;
        }

        // Built once, as above; an English name shared by a governorate and its district has one Arabic name for both.
        var areas = arabicAreas ??= gazetteer.Value.Gazetteer.Boundaries.Areas.Where(a => !string.IsNullOrWhiteSpace(a.NameAr))
            .OrderBy(a => a.Level).GroupBy(a => a.NameEn, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().NameAr!, StringComparer.OrdinalIgnoreCase);
        return areas.GetValueOrDefault(englishName);
    }

    private Dictionary<string, string> BuildArabicNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var area in gazetteer.Value.Gazetteer.Boundaries.Areas.Where(a => !string.IsNullOrWhiteSpace(a.NameAr)))
        {
            names.TryAdd(area.PCode, area.NameAr!);
        }

        foreach (var entry in gazetteer.Value.Gazetteer.Entries)
        {
            if (!names.ContainsKey(entry.Id) && entry.AllNames.FirstOrDefault(IsArabicName) is { } arabic)
            {
                names[entry.Id] = arabic;
            }
        }

        return names;
    }

    private static bool IsArabicName(string name) =>
        name.Length > 0 && name.AsSpan().IndexOfAny('\u06A9', '\u06CC') < 0 && Extraction.Arabic.LanguageDetector.Detect(name) == Extraction.Arabic.LanguageDetector.Arabic;

    /// <summary>The candidates for a typed name (without any '#N'), best first, numbered from 1.</summary>
    public IReadOnlyList<PlaceChoice> Candidates(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (name, area, _) = Split(text);
        var found = gazetteer.Value.Candidates(new PlaceQuery(name, GeoPrecision.Place, area));
        var distinct = new List<PlaceCandidate>();
        foreach (var c in found.Where(c => area is null || c.InArea))
        {
            if (c.Location.Point is { } p && distinct.Any(d => d.Location.Point is { } q && q.DistanceKm(p) < SamePlaceKm && d.Location.Name == c.Location.Name))
            {
                continue;
            }

            distinct.Add(c);
            if (distinct.Count == Offered)
            {
                break;
            }
        }

        return [.. distinct.Select((c, i) => new PlaceChoice(i + 1, c.Location, c.Entry.Kind.ToString().ToLowerInvariant(), Math.Round(c.Score, 3)))];
    }

    /// <summary>The one location the text names; <see cref="PlainValueException"/> (with the candidates) when it names none or several.</summary>
    public Location Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (Point().Match(t) is { Success: true } point)
        {
            var lat = double.Parse(point.Groups["lat"].Value, CultureInfo.InvariantCulture);
            var lon = double.Parse(point.Groups["lon"].Value, CultureInfo.InvariantCulture);
            if (lat is < -90 or > 90 || lon is < -180 or > 180)
            {
                throw new PlainValueException($"'{t}' is not a point: latitude, longitude in degrees");
            }

            return gazetteer.Value.Describe(new GeoPoint(lat, lon), GeoPrecision.Place);
        }

        var (_, area, pick) = Split(t);
        var candidates = Candidates(t);
        if (candidates.Count == 0)
        {
            throw new PlainValueException($"no place in the gazetteer answers to '{t}'{(area is null ? string.Empty : $" in {area}")}: check the spelling, or type a point as latitude, longitude");
        }

        if (pick is { } n)
        {
            return n >= 1 && n <= candidates.Count ? candidates[n - 1].Location : throw new PlainValueException($"'{t}': there are {candidates.Count} candidates, not {n}", candidates);
        }

        var tied = candidates.Where(c => c.Score >= candidates[0].Score * TieRatio).ToList();
        if (tied.Count > 1)
        {
            var list = string.Join("; ", tied.Select(c => $"#{c.Number} {c.Describe()}"));
            throw new PlainValueException($"'{t}' names {tied.Count} places: {list}. Pick one by number ('{t} #1') or add the governorate ('{t}, {tied[0].Location.Admin1}')", candidates);
        }

        return candidates[0].Location;
    }

    private static (string Name, string? Area, int? Pick) Split(string text)
    {
        var t = text.Trim();
        int? pick = null;
        if (Pick().Match(t) is { Success: true } m)
        {
            pick = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            t = t[..m.Index].Trim();
        }

        var comma = t.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 ? (t[..comma].Trim(), t[(comma + 1)..].Trim(), pick) : (t, null, pick);
    }

    [GeneratedRegex(@"\s*#(?<n>\d{1,2})$")]
    private static partial Regex Pick();

    [GeneratedRegex(@"^(?<lat>-?\d{1,2}(?:\.\d+)?)\s*,\s*(?<lon>-?\d{1,3}(?:\.\d+)?)$")]
    private static partial Regex Point();
}
