using System.Globalization;
using System.Text.RegularExpressions;
using Marsad.Domain.Common;
using Marsad.Extraction.Geography;

namespace Marsad.Core.Gazetteer;

/// <summary>
/// Reads the IOM community list with its OCHA/OSM points and inferred points (syria_communities_extended.csv),
/// keeping each point's coord_confidence. Communities without a point stand at their sub-district's centroid,
/// marked <see cref="GazetteerEntry.CentroidConfidence"/>. Neighbourhood names lose the "(ne)" mark and a
/// trailing " - City" (kept as an alternate name).
/// </summary>
public static partial class CommunitySource
{
    public static IEnumerable<PlaceDraft> Read(string path, IReadOnlyDictionary<string, AdminArea> subDistricts)
    {
        ArgumentNullException.ThrowIfNull(subDistricts);
        var table = CsvTable.Read(path);
        foreach (var row in table.Rows)
        {
            var pcode = table.Get(row, "pcode");
            var raw = table.Get(row, "name_en").Replace('_', ' ');
            var neighbourhood = pcode.StartsWith('N') || raw.EndsWith("(ne)", StringComparison.OrdinalIgnoreCase);
            var full = Spaces().Replace(Mark().Replace(raw, string.Empty), " ").Trim();
            var name = full.Split(" - ")[0].Trim();
            var names = new List<string> { full, table.Get(row, "name_ar") }.Where(n => n.Length > 0 && n != name).ToList();
            var admin3 = table.Get(row, "admin3_pcode");
            var lat = table.Get(row, "latitude");
            var confidence = table.Get(row, "coord_confidence");
            var kind = neighbourhood ? PlaceKind.Neighbourhood : PlaceKind.Village;
            if (name.Length == 0)
            {
                continue;
            }

            if (lat.Length > 0)
            {
                var point = new GeoPoint(Number(lat), Number(table.Get(row, "longitude")));
                yield return new PlaceDraft(pcode, name, kind, point, Quality(confidence), confidence.Length == 0 ? "ocha" : confidence, "iom", names, Admin3Hint: admin3);
            }
            else if (subDistricts.TryGetValue(admin3, out var area))
            {
                yield return new PlaceDraft(pcode, name, kind, area.RepresentativePoint, 0, GazetteerEntry.CentroidConfidence, "iom", names, Admin3Hint: admin3);
            }
        }
    }

    private static double Quality(string confidence) => confidence switch
    {
        "anchor_osm_within_1km" => 3,
        "high" => 2.5,
        "name_match_ge85" or "medium" => 2,
        "low" => 1,
        _ => 2,
    };

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\((?:ne|n)\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Mark();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
