using System.Globalization;
using Marsad.Core.Gazetteer;
using Marsad.Domain.Common;

namespace Marsad.Bench.Geocoding;

/// <summary>One ACLED row as the geocoding benchmarks use it (read at run time, never stored).</summary>
internal sealed record AcledRow(string File, string Id, DateOnly Date, string Location, string Admin1, GeoPoint Point, int GeoPrecision, string Notes);

/// <summary>
/// The ACLED evaluation rows and their split (DESIGN.md §8): battles file dev before 2021, test 2021 on;
/// all-types file dev January–March 2022, test April–June.
/// </summary>
internal static class AcledRows
{
    public const string Battles = "acled/acled-syria-battles-2017-2023.csv";
    public const string AllTypes = "acled/acled-syria-2022h1-all-types.csv";

    public static IEnumerable<AcledRow> Read(string sharedData, string file)
    {
        var table = CsvTable.Read(Path.Combine(sharedData, file));
        foreach (var row in table.Rows)
        {
            var date = table.Get(row, "event_date");
            yield return new AcledRow(
                file,
                table.Get(row, "event_id_cnty"),
                DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) ? iso : DateOnly.ParseExact(date, "dd MMMM yyyy", CultureInfo.InvariantCulture),
                table.Get(row, "location"),
                table.Get(row, "admin1"),
                new GeoPoint(double.Parse(table.Get(row, "latitude"), CultureInfo.InvariantCulture), double.Parse(table.Get(row, "longitude"), CultureInfo.InvariantCulture)),
                int.Parse(table.Get(row, "geo_precision"), CultureInfo.InvariantCulture),
                table.Get(row, "notes"));
        }
    }

    public static bool IsDev(AcledRow row) => row.File == Battles ? row.Date.Year < 2021 : row.Date.Month <= 3;
}
