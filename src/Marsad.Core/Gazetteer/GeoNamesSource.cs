using System.Globalization;
using Marsad.Domain.Common;
using Marsad.Extraction.Geography;

namespace Marsad.Core.Gazetteer;

/// <summary>
/// Reads GeoNames main-table rows (19 tab-separated columns, no header): the shipped cities500 subset and
/// the full country dump a user downloads (SY.txt). Populated places, spots (airports, bases, dams, fields),
/// camps and named terrain become drafts; admin divisions are skipped (OCHA's are used). Alternate names
/// are kept in Latin and Arabic script only.
/// </summary>
public static class GeoNamesSource
{
    public static IEnumerable<PlaceDraft> Read(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split('\t');
            if (f.Length < 19 || !long.TryParse(f[0], CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            var kind = Kind(f[6], f[7], Population(f[14]));
            if (kind is null)
            {
                continue;
            }

            var point = new GeoPoint(double.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture));
            var names = f[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Prepend(f[1]).Where(IsLatinOrArabic).Distinct(StringComparer.Ordinal).ToArray();
            yield return new PlaceDraft($"geonames:{f[0]}", f[2], kind.Value, point, 3, "geonames", "geonames", names, Population(f[14]));
        }
    }

    private static long Population(string field) => long.TryParse(field, CultureInfo.InvariantCulture, out var p) ? p : 0;

    private static PlaceKind? Kind(string featureClass, string code, long population) => featureClass switch
    {
        "P" when code is "PPLC" or "PPLA" || population >= 100_000 => PlaceKind.City,
        "P" when code is "PPLX" => PlaceKind.Neighbourhood,
        "P" when code is "PPLA2" || population >= 10_000 => PlaceKind.Town,
        "P" when code is not ("PPLH" or "PPLQ" or "PPLW") => PlaceKind.Village,
        "S" when code.StartsWith("CMP", StringComparison.Ordinal) => PlaceKind.Camp,
        "S" => PlaceKind.Site,
        "T" or "L" or "H" or "V" => PlaceKind.Area,
        _ => null,
    };

    private static bool IsLatinOrArabic(string name) =>
        name.Length > 1 && name.All(c => c < '\u0250' || c is >= '\u0600' and <= '\u06FF' || c is >= '\u1E00' and <= '\u1EFF' || c is 'ʿ' or 'ʾ' or '‘' or '’');
}
