using System.Globalization;
using Marsad.Domain.Common;
using Marsad.Extraction;

namespace Marsad.Bench.Extraction;

/// <summary>UCDP GED 2019 (test): text = source_headline, published = source_date; deaths exact on best (summed over events), location within 25 km.</summary>
internal static class UcdpBench
{
    public static int Run(string[] args)
    {
        var engine = BenchEngine.Create();
        var rows = SharedData.ReadCsv(SharedData.PathOf("data", "ucdp", "ucdp-ged-syria-2016-2019.csv"));
        foreach (var (split, pick) in new (string, Func<Dictionary<string, string>, bool>)[] { ("dev 2016-2018", r => r["year"] != "2019"), ("test 2019", r => r["year"] == "2019") })
        {
            int n = 0, deaths = 0, located = 0;
            foreach (var r in rows.Where(pick))
            {
                n++;
                var published = DateOnly.TryParse(r["source_date"].Split(';')[0], CultureInfo.InvariantCulture, out var d) ? d : (DateOnly?)null;
                var result = engine.Extract(new DocumentInput(r["source_headline"].Replace(";", ".\n\n", StringComparison.Ordinal), published, "UCDP"));
                var best = result.Events.Sum(e => e.Quantities.TryGetValue(Quantities.Names.Fatalities, out var q) ? q.Best ?? q.Low ?? 0 : 0);
                deaths += best == int.Parse(r["best"], CultureInfo.InvariantCulture) ? 1 : 0;
                var point = new GeoPoint(double.Parse(r["latitude"], CultureInfo.InvariantCulture), double.Parse(r["longitude"], CultureInfo.InvariantCulture));
                located += result.Events.Any(e => e.Location?.Point is { } p && p.DistanceKm(point) <= 25) ? 1 : 0;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {split} | {n} | deaths exact (best) {deaths / (double)n:0.000} | location <= 25 km {located / (double)n:0.000} |"));
        }

        return 0;
    }
}
