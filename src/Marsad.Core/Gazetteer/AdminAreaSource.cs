using System.Globalization;
using Marsad.Domain.Common;
using Marsad.Extraction.Geography;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace Marsad.Core.Gazetteer;

/// <summary>
/// Builds the admin areas from the open sources: OCHA governorates and districts (polygons simplified,
/// English, Arabic and reference names), OpenSyria's 272 sub-districts (centroids, aliases), and GeoNames'
/// admin1 names as aliases of the governorate with the same key.
/// </summary>
public static class AdminAreaSource
{
    // ~200 m: keeps border villages on the right side while shrinking the files tenfold.
    private const double SimplifyToleranceDegrees = 0.002;

    public static IReadOnlyList<AdminArea> Read(string sourceDirectory)
    {
        var boundaries = Path.Combine(sourceDirectory, "boundaries");
        var governorates = Level(Path.Combine(boundaries, "ocha_syr_admbnda_adm1_uncs_unocha.json"), 1);
        var districts = Level(Path.Combine(boundaries, "ocha_syr_admbnda_adm2_uncs_unocha.json"), 2);
        var geoNamesAliases = GeoNamesAdmin1(Path.Combine(sourceDirectory, "geonames", "geonames_SY_admin1Codes.tsv"), governorates);
        governorates = [.. governorates.Select(g => geoNamesAliases.TryGetValue(g.PCode, out var more) ? g with { Aliases = [.. g.Aliases.Union(more)] } : g)];
        var subDistricts = SubDistricts(Path.Combine(sourceDirectory, "gazetteer", "syria_adm3_subdistricts_opensyria.csv"));
        return [.. governorates, .. districts, .. subDistricts];
    }

    private static List<AdminArea> Level(string path, int level)
    {
        var prefix = $"ADM{level}";
        return [.. OchaGeoJson.Read(path).Select(f =>
        {
            var p = f.Properties;
            var simplified = TopologyPreservingSimplifier.Simplify(f.Geometry, SimplifyToleranceDegrees);
            var aliases = new[] { $"{prefix}_REF", $"{prefix}ALT1EN", $"{prefix}ALT2EN", $"{prefix}ALT1AR", $"{prefix}ALT2AR" }
                .Select(k => p.GetValueOrDefault(k, string.Empty)).Where(v => v.Length > 0 && v != p[$"{prefix}_EN"]).Distinct();
            return new AdminArea(level, p[$"{prefix}_PCODE"], level == 1 ? null : p[$"ADM{level - 1}_PCODE"], p[$"{prefix}_EN"],
                NullIfEmpty(p.GetValueOrDefault($"{prefix}_AR")), RepresentativePoint(f.Geometry), [.. aliases], simplified);
        })];
    }

    private static IEnumerable<AdminArea> SubDistricts(string path)
    {
        var table = CsvTable.Read(path);
        foreach (var row in table.Rows)
        {
            var name = table.Get(row, "admin3_en");
            var aliases = table.Get(row, "aliases").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(a => !a.Contains("Subdistrict", StringComparison.OrdinalIgnoreCase) && !a.StartsWith("Nahiyat", StringComparison.OrdinalIgnoreCase)
                            && !a.StartsWith("Nāḩiyat", StringComparison.OrdinalIgnoreCase) && !a.StartsWith("ناحية", StringComparison.Ordinal)
                            && !a.StartsWith("nahyt", StringComparison.OrdinalIgnoreCase))
                .Where(a => a != name).Distinct();
            var point = new GeoPoint(Number(table.Get(row, "centroid_lat")), Number(table.Get(row, "centroid_lon")));
            yield return new AdminArea(3, table.Get(row, "admin3_pcode"), table.Get(row, "admin2_pcode"), name,
                NullIfEmpty(table.Get(row, "admin3_ar")), point, [.. aliases], null);
        }
    }

    /// <summary>GeoNames' governorate names ("Idlib", "Latakia", "As-Suwayda") keyed by the OCHA P-code they match.</summary>
    private static Dictionary<string, string[]> GeoNamesAdmin1(string path, List<AdminArea> governorates)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }

        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split('\t');
            var names = fields.Skip(1).Where(n => n.Length > 0).Distinct().ToArray();
            var key = NameKey.Of(names[0]);
            var match = governorates.FirstOrDefault(g => NameKey.Of(g.NameEn) == key)
                        ?? governorates.SingleOrDefault(g => NameKey.SkeletonOf(NameKey.Of(g.NameEn)) == NameKey.SkeletonOf(key));
            if (match is not null)
            {
                result[match.PCode] = names;
            }
        }

        return result;
    }

    /// <summary>The centroid when it lies inside the area, else a point guaranteed inside.</summary>
    private static GeoPoint RepresentativePoint(Geometry shape)
    {
        var centroid = shape.Centroid;
        var point = shape.Contains(centroid) ? centroid : shape.InteriorPoint;
        return new GeoPoint(Math.Round(point.Y, 6), Math.Round(point.X, 6));
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
