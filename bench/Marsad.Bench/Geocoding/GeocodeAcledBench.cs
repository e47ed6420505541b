using System.Diagnostics;
using Marsad.Domain.Common;
using Marsad.Extraction.Geography;

namespace Marsad.Bench.Geocoding;

/// <summary>
/// The geocoder alone on ACLED's own <c>location</c> and <c>admin1</c> strings: the share of rows put within
/// 10 km of ACLED's point and the share whose admin1 agrees, on dev and test splits of both ACLED files.
/// Failure causes are listed for dev only; test rows are only counted.
/// </summary>
internal static class GeocodeAcledBench
{
    private const double HitKm = 10;

    public static int Run(string[] args)
    {
        var shared = GeoBenchArgs.SharedData(args);
        var clock = Stopwatch.StartNew();
        var geocoder = new GazetteerGeocoder(Gazetteer.Load(GeoBenchArgs.GazetteerDirectory(args)));
        Console.WriteLine($"gazetteer: {geocoder.Gazetteer.Entries.Length} entries, loaded in {clock.ElapsedMilliseconds} ms");

        var rows = AcledRows.Read(shared, AcledRows.Battles).Concat(AcledRows.Read(shared, AcledRows.AllTypes)).ToList();
        var outcomes = rows.Select(r => (Row: r, Outcome: GeocodeOutcome.Of(geocoder, r))).ToList();

        Console.WriteLine();
        Console.WriteLine($"{"split",-28} {"rows",6} {"≤10 km",8} {"admin1",8} {"resolved",9} {"median km",10}");
        foreach (var (label, filter) in Splits())
        {
            var part = outcomes.Where(o => filter(o.Row)).Select(o => o.Outcome).ToList();
            var resolved = part.Where(o => o.Location is not null).ToList();
            var median = resolved.Count == 0 ? double.NaN : resolved.Select(o => o.DistanceKm).Order().ElementAt(resolved.Count / 2);
            Console.WriteLine($"{label,-28} {part.Count,6} {Share(part, o => o.DistanceKm <= HitKm),8:P1} {Share(part, o => o.Admin1Agrees),8:P1} {Share(part, o => o.Location is not null),9:P1} {median,10:0.0}");
        }

        var devFailures = outcomes.Where(o => AcledRows.IsDev(o.Row) && o.Outcome.DistanceKm > HitKm).ToList();
        Console.WriteLine();
        Console.WriteLine($"dev failure causes ({devFailures.Count} rows):");
        foreach (var cause in devFailures.GroupBy(o => o.Outcome.Cause).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine($"  {cause.Count(),5}  {cause.Key}");
        }

        if (args.Contains("--examples"))
        {
            Console.WriteLine();
            Console.WriteLine("dev failures by location (most rows first):");
            foreach (var g in devFailures.GroupBy(o => (o.Row.Location, o.Row.Admin1, o.Outcome.Cause)).OrderByDescending(g => g.Count()).Take(60))
            {
                var o = g.First().Outcome;
                Console.WriteLine($"  {g.Count(),4}  {g.Key.Location} ({g.Key.Admin1}) → {o.Location?.Name ?? "-"} [{o.Location?.PlaceId}] {o.DistanceKm:0} km: {g.Key.Cause}");
            }
        }

        return 0;
    }

    private static IEnumerable<(string, Func<AcledRow, bool>)> Splits()
    {
        yield return ("battles dev (2017–2020)", r => r.File == AcledRows.Battles && AcledRows.IsDev(r));
        yield return ("all-types dev (2022 Q1)", r => r.File == AcledRows.AllTypes && AcledRows.IsDev(r));
        yield return ("dev, both", AcledRows.IsDev);
        yield return ("battles test (2021–2023)", r => r.File == AcledRows.Battles && !AcledRows.IsDev(r));
        yield return ("all-types test (2022 Q2)", r => r.File == AcledRows.AllTypes && !AcledRows.IsDev(r));
        yield return ("test, both", r => !AcledRows.IsDev(r));
    }

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) =>
        items.Count == 0 ? 0 : items.Count(predicate) / (double)items.Count;
}

/// <summary>What the geocoder made of one ACLED row, and why it missed when it did.</summary>
internal sealed record GeocodeOutcome(Location? Location, double DistanceKm, bool Admin1Agrees, string Cause)
{
    public static GeocodeOutcome Of(GazetteerGeocoder geocoder, AcledRow row)
    {
        var query = new PlaceQuery(row.Location, GeoPrecision.Place, row.Admin1);
        var location = geocoder.Resolve(query);
        var distance = location?.Point is { } p ? p.DistanceKm(row.Point) : double.PositiveInfinity;
        var expectedAdmin1 = geocoder.FindArea(row.Admin1)?.NameEn;
        var agrees = location?.Admin1 is not null && location.Admin1 == expectedAdmin1;
        var cause = distance <= 10 ? "hit" : Explain(geocoder, query, location, distance, row);
        return new GeocodeOutcome(location, distance, agrees, cause);
    }

    private static string Explain(GazetteerGeocoder geocoder, PlaceQuery query, Location? location, double distance, AcledRow row)
    {
        var candidates = geocoder.Candidates(query);
        var compound = row.Location.Contains(" - ", StringComparison.Ordinal) ? " (\"X - Y\" name)" : string.Empty;
        if (candidates.Count == 0)
        {
            return "name not in gazetteer" + compound;
        }

        if (location is null)
        {
            return (candidates.Any(c => c.Location.Point!.DistanceKm(row.Point) <= 10)
                ? "right place found, but outside the admin1 named (by our polygons)"
                : "only other places of that name, outside admin1") + compound;
        }

        var chosen = candidates.First(c => c.Location == location);
        if (candidates.Any(c => c.Location.Point!.DistanceKm(row.Point) <= 10))
        {
            return "wrong homonym chosen" + compound;
        }

        if (chosen.Entry.IsApproximate || chosen.Entry.Kind.IsAdminArea())
        {
            return "only the sub-district or region known" + compound;
        }

        if (distance <= 25)
        {
            return "same place, points 10–25 km apart" + compound;
        }

        return chosen.NameScore < NameIndex.ExactScore
            ? "fuzzy match to another place" + compound
            : "right place missing, a same-name place elsewhere" + compound;
    }
}
