using System.Globalization;
using Marsad.Domain.Common;
using Marsad.Extraction.Geography;

namespace Marsad.Core.Gazetteer;

/// <summary>
/// A team's own places as CSV with a header: <c>name</c>, <c>latitude</c> (or lat), <c>longitude</c> (or lon, lng)
/// required; <c>id</c>, <c>kind</c> (city, town, village, neighbourhood, camp, site, area), <c>admin1</c>,
/// <c>admin2</c>, <c>admin3</c> (names; admin3 picks the sub-district when it lies in the district the point
/// falls in) and <c>alternate_names</c> (separated by '|' or ';') optional.
/// </summary>
public static class CsvPlaceSource
{
    public static IEnumerable<PlaceDraft> Read(string path, AdminBoundaries boundaries)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        var table = CsvTable.Read(path);
        string Column(params string[] names) => names.FirstOrDefault(table.Has) ?? throw new InvalidDataException($"{path}: needs a column {string.Join(" or ", names)}");
        var name = Column("name");
        var lat = Column("latitude", "lat");
        var lon = Column("longitude", "lon", "lng");
        var subDistrictsByKey = boundaries.Areas.Where(a => a.Level == 3).ToLookup(a => NameKey.Of(a.NameEn), StringComparer.Ordinal);
        var line = 1;
        foreach (var row in table.Rows)
        {
            line++;
            var placeName = table.Get(row, name);
            if (placeName.Length == 0)
            {
                continue;
            }

            var point = new GeoPoint(Number(table.Get(row, lat), path, line), Number(table.Get(row, lon), path, line));
            var id = table.Get(row, "id") is { Length: > 0 } given ? given : $"user:{NameKey.Of(placeName)}@{point.Latitude.ToString("0.###", CultureInfo.InvariantCulture)},{point.Longitude.ToString("0.###", CultureInfo.InvariantCulture)}";
            var alternates = table.Get(row, "alternate_names").Split(['|', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var admin3 = subDistrictsByKey[NameKey.Of(table.Get(row, "admin3"))].FirstOrDefault()?.PCode;
            var kind = Enum.TryParse<PlaceKind>(table.Get(row, "kind"), ignoreCase: true, out var k) && !k.IsAdminArea() ? k : PlaceKind.Village;
            yield return new PlaceDraft(id, placeName, kind, point, 3, "user", "user", alternates, Admin3Hint: admin3);
        }
    }

    private static double Number(string field, string path, int line) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{path}:{line}: '{field}' is not a coordinate");
}
