using System.Globalization;
using System.Text.RegularExpressions;
using Marsad.Domain.Common;
using Marsad.Extraction.Geography;

namespace Marsad.Core.Gazetteer;

/// <summary>
/// Place names and coordinates from UCDP GED (CC BY 4.0): rows located at a named place (where_prec 1) or
/// within ~25 km of one (where_prec 2: mostly areas such as "Eastern Ghouta", "Jabal al Akrad mountain", whose
/// point stands for the area) up to <c>lastYear</c>, so that a later evaluation year stays unseen. "Tadmur/Palmyra town" gives
/// two names; the type word gives the kind. Rows of one name are clustered (one place per 5 km cluster),
/// each cluster's most reported point kept, with the number of events as mentions.
/// </summary>
public static partial class UcdpSource
{
    public static IEnumerable<PlaceDraft> Read(string path, int lastYear)
    {
        var table = CsvTable.Read(path);
        var points = new Dictionary<string, List<GeoPoint>>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            if (table.Get(row, "where_prec") is not ("1" or "2") || int.Parse(table.Get(row, "year"), CultureInfo.InvariantCulture) > lastYear)
            {
                continue;
            }

            var where = Spaces().Replace(table.Get(row, "where_coordinates"), " ").Trim() + (table.Get(row, "where_prec") == "1" ? string.Empty : AreaMark);
            if (!points.TryGetValue(where, out var list))
            {
                points[where] = list = [];
            }

            list.Add(new GeoPoint(Number(table.Get(row, "latitude")), Number(table.Get(row, "longitude"))));
        }

        foreach (var (marked, list) in points)
        {
            var isArea = marked.EndsWith(AreaMark, StringComparison.Ordinal);
            var where = isArea ? marked[..^AreaMark.Length] : marked;
            var alias = Parenthesis().Match(where);
            where = alias.Success ? where.Remove(alias.Index, alias.Length).Trim() : where;
            var match = TypeWord().Match(where);
            var body = match.Success ? match.Groups["name"].Value : where;
            var type = match.Success ? match.Groups["type"].Value.ToLowerInvariant() : string.Empty;
            var names = body.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Concat(alias.Success ? [alias.Groups[1].Value] : []).ToArray();
            if (names.Length == 0 || NameKey.Of(names[0]).Length < 3)
            {
                continue;
            }

            foreach (var cluster in Clusters(list))
            {
                var point = cluster.GroupBy(p => (Math.Round(p.Latitude, 4), Math.Round(p.Longitude, 4))).MaxBy(g => g.Count())!.First();
                var id = $"ucdp:{point.Latitude.ToString("0.####", CultureInfo.InvariantCulture)},{point.Longitude.ToString("0.####", CultureInfo.InvariantCulture)}";
                yield return isArea
                    ? new PlaceDraft(id, names[0], type is "" or "area" or "mountain" or "mountains" ? AreaKind(where) : Kind(type, where), point, 1.5, "ucdp", "ucdp", names[1..])
                    : new PlaceDraft(id, names[0], Kind(type, where), point, 2, "ucdp", "ucdp", names[1..], Mentions: cluster.Count);
            }
        }
    }

    private static List<List<GeoPoint>> Clusters(List<GeoPoint> points)
    {
        var clusters = new List<List<GeoPoint>>();
        foreach (var p in points)
        {
            var home = clusters.FirstOrDefault(c => c[0].DistanceKm(p) <= 5);
            if (home is null)
            {
                clusters.Add([p]);
            }
            else
            {
                home.Add(p);
            }
        }

        return clusters;
    }

    // "Conico/Tabiyah Gas field" located to ~25 km is still a facility, not a named stretch of land.
    private static PlaceKind AreaKind(string where) => Site().IsMatch(where) ? PlaceKind.Site : PlaceKind.Area;

    private static PlaceKind Kind(string type, string where) => type switch
    {
        "city" => PlaceKind.City,
        "town" => PlaceKind.Town,
        "village" or "hamlet" => PlaceKind.Village,
        "suburb" or "neighborhood" or "neighbourhood" or "district" => PlaceKind.Neighbourhood,
        _ when Site().IsMatch(where) => PlaceKind.Site,
        _ when where.Contains("camp", StringComparison.OrdinalIgnoreCase) => PlaceKind.Camp,
        _ => PlaceKind.Area,
    };

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<name>.+?)\s+(?<type>town|village|city|suburb|neighbou?rhood|hamlet|area|district|mountains?)$", RegexOptions.IgnoreCase)]
    private static partial Regex TypeWord();

    [GeneratedRegex(@"\b(airport|air ?base|heliport|base|field|dam|bridge|crossing|checkpoint|prison|hospital|station|factory|plant|mills?|silos?|school|academy|barracks|brigade|regiment|hill)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Site();

    // where_prec 2 rows are kept apart from exact rows of the same words until they are turned into drafts.
    private const string AreaMark = "\u0001area";

    [GeneratedRegex(@"\(([^)]+)\)")]
    private static partial Regex Parenthesis();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
