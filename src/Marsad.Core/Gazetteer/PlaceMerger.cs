using Marsad.Domain.Common;
using Marsad.Extraction.Geography;

namespace Marsad.Core.Gazetteer;

/// <summary>
/// Merges drafts that are the same place: a draft joins an earlier one that shares a name key and lies
/// within <see cref="SamePlaceKm"/> (3 km when only the consonant skeletons agree) (for centroid-only drafts: the same sub-district). The merged place
/// keeps the best point, the OCHA P-code over other ids, every name, the largest population and the sum of
/// mentions. Feed sources best first.
/// </summary>
public sealed class PlaceMerger
{
    private const double SamePlaceKm = 5;

    // Spellings that differ only in vowels ("Menbij", "Manbij") are one place only when their points nearly coincide.
    private const double SameSkeletonKm = 3;
    private const string SkeletonMark = "~";

    private readonly List<Merged> merged = [];
    private readonly Dictionary<string, List<Merged>> byKey = new(StringComparer.Ordinal);

    public void Add(PlaceDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var keys = draft.Names.Prepend(draft.Name).Select(NameKey.Of).Where(k => k.Length >= 2).Distinct().ToList();
        var skeletons = keys.Select(k => SkeletonMark + NameKey.SkeletonOf(k)).Where(k => k.Length > SkeletonMark.Length + 2).Distinct().ToList();
        var same = keys.SelectMany(k => byKey.GetValueOrDefault(k) ?? []).FirstOrDefault(m => IsSamePlace(m, draft, SamePlaceKm))
                   ?? skeletons.SelectMany(k => byKey.GetValueOrDefault(k) ?? []).FirstOrDefault(m => draft.PointQuality >= 1 && m.Best.PointQuality >= 1 && IsSamePlace(m, draft, SameSkeletonKm));
        if (same is null)
        {
            same = new Merged(draft);
            merged.Add(same);
        }
        else
        {
            same.Absorb(draft);
        }

        foreach (var key in keys.Concat(skeletons))
        {
            if (!byKey.TryGetValue(key, out var list))
            {
                byKey[key] = list = [];
            }

            if (!list.Contains(same))
            {
                list.Add(same);
            }
        }
    }

    /// <summary>The merged places as gazetteer entries, admin areas found by point-in-polygon.</summary>
    public IReadOnlyList<GazetteerEntry> Entries(AdminBoundaries boundaries)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        return [.. merged.Select(m => m.ToEntry(boundaries))];
    }

    private static bool IsSamePlace(Merged m, PlaceDraft draft, double withinKm)
    {
        if (draft.PointQuality < 1 || m.Best.PointQuality < 1)
        {
            return draft.Admin3Hint is not null && string.Equals(draft.Admin3Hint, m.Best.Admin3Hint ?? m.Admin3Hint, StringComparison.Ordinal)
                   && (draft.PointQuality < 1 || Geo(m.Best.Point, draft.Point) <= 20);
        }

        return Geo(m.Best.Point, draft.Point) <= withinKm;
    }

    private static double Geo(GeoPoint a, GeoPoint b) => a.DistanceKm(b);

    private sealed class Merged(PlaceDraft first)
    {
        private readonly List<string> names = [.. first.Names.Prepend(first.Name)];
        private readonly SortedSet<string> sources = new(StringComparer.Ordinal) { first.Source };

        public PlaceDraft Best { get; private set; } = first;

        public string Id { get; private set; } = first.Id;

        // The IOM list's English spelling reads best; GeoNames' plain ASCII name comes next.
        public string Name { get; private set; } = first.Name;

        public string? Admin3Hint { get; private set; } = first.Admin3Hint;

        public PlaceKind Kind { get; private set; } = first.Kind;

        public long Population { get; private set; } = first.Population;

        public int Mentions { get; private set; } = first.Mentions;

        public void Absorb(PlaceDraft draft)
        {
            names.AddRange(draft.Names.Prepend(draft.Name));
            if (draft.PointQuality > Best.PointQuality)
            {
                Best = draft;
            }

            // OCHA P-codes are what other humanitarian data joins on.
            if (!Id.StartsWith('C') && !Id.StartsWith('N') && draft.Id.Length > 1 && (draft.Id[0] is 'C' or 'N') && char.IsDigit(draft.Id[1]))
            {
                Id = draft.Id;
            }

            if (draft.Source == "iom" && !sources.Contains("iom"))
            {
                Name = draft.Name;
            }

            sources.Add(draft.Source);
            Admin3Hint ??= draft.Admin3Hint;
            Kind = (PlaceKind)Math.Min((int)Kind, (int)draft.Kind);
            Population = Math.Max(Population, draft.Population);
            Mentions += draft.Mentions;
        }

        public GazetteerEntry ToEntry(AdminBoundaries boundaries)
        {
            var codes = boundaries.Locate(Best.Point, Admin3Hint);
            var name = Name;
            var alternates = names.Where(n => !string.Equals(n, name, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();
            return new GazetteerEntry(Id, name, Kind, Best.Point, codes.Admin1, codes.Admin2, codes.Admin3, Population,
                Math.Round(Prominence(), 3), Best.Confidence, string.Join('+', sources), [.. alternates]);
        }

        private double Prominence() =>
            Math.Log10(1 + Population) + 0.3 * Math.Log2(1 + Mentions) + Kind switch
            {
                PlaceKind.City => 2,
                PlaceKind.Town => 1,
                PlaceKind.Neighbourhood => -0.5,
                _ => 0,
            };
    }
}
