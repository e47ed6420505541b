using System.Globalization;
using System.Text.Json.Nodes;
using Marsad.Domain.Common;
using Marsad.Extraction;
using Marsad.Extraction.Geography;
using Marsad.Extraction.Recognition.Actors;

namespace Marsad.Bench.Geocoding;

/// <summary>
/// End to end on ACLED <c>notes</c>: the share of rows whose location lies within 10 km of ACLED's point and
/// whose admin1 agrees, dev and test. Without options it scores <see cref="NotesBaseline"/>. The extraction
/// engine plugs in through files: <c>--write-input FILE</c> writes the rows as <c>marsad extract --jsonl</c>
/// input (id, text, published = event date + 1 day; keep the file outside the repository, e.g. under
/// bench/results/, which git ignores), and <c>--predictions FILE</c> scores that command's output (the first
/// event's location of each id); <c>--engine</c> runs the engine in this process instead and prints the ten most common
/// failure causes on dev (<see cref="NotesFailureCauses"/>); with MARSAD_BENCH_SHOW=TEXT it also prints every 40th dev
/// row of a cause containing TEXT, for tuning (dev rows only, to the console).
/// </summary>
internal static class GeocodeNotesBench
{
    public static int Run(string[] args)
    {
        var shared = GeoBenchArgs.SharedData(args);
        var rows = AcledRows.Read(shared, AcledRows.Battles).Concat(AcledRows.Read(shared, AcledRows.AllTypes)).ToList();
        var inputFile = GeoBenchArgs.Option(args, "--write-input", string.Empty);
        if (inputFile.Length > 0)
        {
            WriteInput(inputFile, rows);
            Console.WriteLine($"wrote {rows.Count} rows to {inputFile}");
            return 0;
        }

        var geocoder = new GazetteerGeocoder(Gazetteer.Load(GeoBenchArgs.GazetteerDirectory(args)));
        var predictionsFile = GeoBenchArgs.Option(args, "--predictions", string.Empty);
        var predictions = predictionsFile.Length > 0 ? ReadPredictions(predictionsFile) : null;
        var engine = args.Contains("--engine") ? new ExtractionEngine(geocoder, ActorLexicon.Default) : null;
        var causes = new Dictionary<string, int>(StringComparer.Ordinal);
        Func<AcledRow, Location?> locate = engine is not null
            ? r =>
            {
                // As marsad extract reads the row: text = notes, published = event date + 1 day.
                var result = engine.Extract(new DocumentInput(r.Notes, r.Date.AddDays(1), "ACLED"));
                var location = result.Events.FirstOrDefault()?.Location;
                if (AcledRows.IsDev(r) && !(location?.Point is { } p && p.DistanceKm(r.Point) <= 10))
                {
                    var cause = NotesFailureCauses.Classify(geocoder, r, result);
                    causes[cause] = causes.GetValueOrDefault(cause) + 1;
                    if (Environment.GetEnvironmentVariable("MARSAD_BENCH_SHOW") is { Length: > 0 } show && cause.Contains(show, StringComparison.Ordinal) && causes[cause] % 40 == 1)
                    {
                        Console.WriteLine($"  [{cause}] want {r.Location} ({r.Admin1}) got {location?.Name} p{(int?)location?.Precision}: {r.Notes}");
                    }
                }

                return location;
            }
            : predictions is null
            ? r => NotesBaseline.Locate(geocoder, r.Notes)
            : r => predictions.GetValueOrDefault(r.Id);
        Console.WriteLine(engine is not null ? "the extraction engine in process (as marsad extract builds it), first event's location"
            : predictions is null ? "geocoder baseline on ACLED notes (no extraction engine)" : $"predictions from {predictionsFile}");
        Console.WriteLine($"{"split",-28} {"rows",6} {"≤10 km",8} {"admin1",8} {"located",8}");
        foreach (var (label, dev) in new[] { ("dev (battles <2021, all-types Q1)", true), ("test (battles 2021+, all-types Q2)", false) })
        {
            var part = rows.Where(r => AcledRows.IsDev(r) == dev).Select(r => (Row: r, Location: locate(r))).ToList();
            var within = part.Count(p => p.Location?.Point is { } point && point.DistanceKm(p.Row.Point) <= 10);
            var admin1 = part.Count(p => p.Location?.Admin1 is { } a && a == geocoder.FindArea(p.Row.Admin1)?.NameEn);
            var located = part.Count(p => p.Location?.Point is not null);
            Console.WriteLine($"{label,-28} {part.Count,6} {within / (double)part.Count,8:P1} {admin1 / (double)part.Count,8:P1} {located / (double)part.Count,8:P1}");
            if (dev && args.Contains("--examples"))
            {
                // Dev rows only: what the baseline took instead of ACLED's location.
                foreach (var miss in part.Where(p => p.Location?.Point is not { } q || q.DistanceKm(p.Row.Point) > 10).Where((_, i) => i % 211 == 0).Take(25))
                {
                    Console.WriteLine($"    {miss.Row.Location} ({miss.Row.Admin1}) ← {miss.Location?.Name ?? "-"}: {miss.Row.Notes[..Math.Min(160, miss.Row.Notes.Length)]}");
                }
            }
        }

        if (causes.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"dev failure causes, the ten most common ({causes.Values.Sum()} rows beyond 10 km or unlocated):");
            foreach (var (cause, count) in causes.OrderByDescending(c => c.Value).Take(10))
            {
                Console.WriteLine($"  {count,5}  {cause}");
            }
        }

        return 0;
    }

    private static void WriteInput(string path, List<AcledRow> rows)
    {
        using var writer = new StreamWriter(path);
        foreach (var row in rows)
        {
            var line = new JsonObject
            {
                ["id"] = row.Id,
                ["text"] = row.Notes,
                ["published"] = row.Date.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["source"] = "ACLED",
            };
            writer.Write(line.ToJsonString() + "\n");
        }
    }

    private static Dictionary<string, Location?> ReadPredictions(string path)
    {
        var result = new Dictionary<string, Location?>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            var node = JsonNode.Parse(line);
            var id = node?["id"]?.GetValue<string>();
            var location = node?["events"]?.AsArray().FirstOrDefault()?["location"];
            if (id is null)
            {
                continue;
            }

            result[id] = location?["latitude"] is { } lat && location["longitude"] is { } lon
                ? new Location(location["name"]?.GetValue<string>(), null, location["admin1"]?.GetValue<string>(), null, null,
                    new GeoPoint(lat.GetValue<double>(), lon.GetValue<double>()), (GeoPrecision)(location["precision"]?.GetValue<int>() ?? 1))
                : null;
        }

        return result;
    }
}
