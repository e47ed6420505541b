using System.Globalization;
using Marsad.Domain.Common;
using Marsad.Extraction;

namespace Marsad.Bench.Extraction;

/// <summary>
/// DESIGN section 8 on the two ACLED files: text = notes, published = event date + 1 day; the primary (first) event
/// is right on a field when sub_event_type matches, the start date equals the event date, fatalities low equals the
/// coded count, {actor1, actor2} equals ACLED's as an unordered pair, the point is within 10 km.
/// Only dev rows may be printed (--dump-dev N), for tuning. With --strip-coder-totals the coders' closing sentences
/// (<see cref="CoderTotals"/>) are cut from the notes, and rows with an imputed toll ("coded as/to/at") are left out of
/// the fatalities figure, whose own row count is then printed.
/// </summary>
internal static class AcledBench
{
    public static int Run(string[] args)
    {
        var strip = args.Contains("--strip-coder-totals");
        args = [.. args.Where(a => a != "--strip-coder-totals")];
        var engine = BenchEngine.Create();
        var dump = args.Length >= 2 && args[0] == "--dump-dev" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
        var field = args.Length >= 4 && args[2] == "--field" ? args[3] : null;
        var confusion = args.Length >= 2 && args[0] == "--confusion" ? new Confusion(args[1]) : null;
        var battles = SharedData.ReadCsv(SharedData.PathOf("data", "acled", "acled-syria-battles-2017-2023.csv"));
        var all = SharedData.ReadCsv(SharedData.PathOf("data", "acled", "acled-syria-2022h1-all-types.csv"));
        var table = new List<Score>
        {
            Evaluate(engine, "dev", "battles < 2021", battles.Where(r => int.Parse(r["year"], CultureInfo.InvariantCulture) < 2021), dump, field, confusion, strip),
            Evaluate(engine, "dev", "all types Jan-Mar", all.Where(r => Month(r) <= 3), dump, field, confusion, strip),
            Evaluate(engine, "test", "battles 2021 on", battles.Where(r => int.Parse(r["year"], CultureInfo.InvariantCulture) >= 2021), 0, null, null, strip),
            Evaluate(engine, "test", "all types Apr-Jun", all.Where(r => Month(r) >= 4), 0, null, null, strip),
        };
        confusion?.Print();
        Console.WriteLine();
        if (strip)
        {
            Console.WriteLine("Notes without the coders' closing sentences (--strip-coder-totals); fatalities over the rows whose toll is not imputed (n fat).");
        }

        Console.WriteLine("| split | rows | n | sub_event_type | date exact | fatalities low exact | {actor1, actor2} | location <= 10 km | no event | n fat |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in table)
        {
            Console.WriteLine(s.Row());
        }

        return 0;
    }

    private static int Month(Dictionary<string, string> r) => ParseDate(r["event_date"]).Month;

    private static DateOnly ParseDate(string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : DateOnly.ParseExact(s, "dd MMMM yyyy", CultureInfo.InvariantCulture);

    private static Score Evaluate(ExtractionEngine engine, string split, string name, IEnumerable<Dictionary<string, string>> rows, int dump, string? field, Confusion? confusion, bool strip)
    {
        var score = new Score(split, name);
        foreach (var r in rows)
        {
            var date = ParseDate(r["event_date"]);
            var notes = strip ? CoderTotals.Strip(r["notes"]) : r["notes"];
            // An imputed toll is the coder's guess, not something the text says: it is not a fatalities target then.
            var fatalitiesCount = !strip || !CoderTotals.IsImputed(r["notes"]);
            var result = engine.Extract(new DocumentInput(notes, date.AddDays(1), r["source"]));
            var e = result.Events.FirstOrDefault();
            score.N++;
            score.FatalitiesN += fatalitiesCount ? 1 : 0;
            if (e is null)
            {
                score.NoEvent++;
                Dump(ref dump, split, field, "event", r, "no event");
                continue;
            }

            var typeOk = e.SubEventType.Label == r["sub_event_type"];
            var dateOk = e.Date.Start == date;
            var fat = e.Quantities.TryGetValue(Quantities.Names.Fatalities, out var q) ? q.Low ?? 0 : 0;
            var fatOk = fat == int.Parse(r["fatalities"], CultureInfo.InvariantCulture);
            var actorsOk = Pair(e.Actor1, e.Actor2) == Pair(r["actor1"], r["actor2"]);
            var locOk = e.Location?.Point is { } p && double.TryParse(r["latitude"], CultureInfo.InvariantCulture, out var lat)
                        && double.TryParse(r["longitude"], CultureInfo.InvariantCulture, out var lon) && p.DistanceKm(new GeoPoint(lat, lon)) <= 10;
            confusion?.Add(r, e);
            score.Type += typeOk ? 1 : 0;
            score.Date += dateOk ? 1 : 0;
            score.Fatalities += fatOk && fatalitiesCount ? 1 : 0;
            score.Actors += actorsOk ? 1 : 0;
            score.Location += locOk ? 1 : 0;
            if (!typeOk)
            {
                Dump(ref dump, split, field, "type", r, $"got {e.SubEventType.Label}");
            }

            if (!dateOk)
            {
                Dump(ref dump, split, field, "date", r, $"got {e.Date.Start:yyyy-MM-dd}");
            }

            if (!fatOk && fatalitiesCount)
            {
                Dump(ref dump, split, field, "fatalities", r, $"got {fat}");
            }

            if (!actorsOk)
            {
                Dump(ref dump, split, field, "actors", r, $"got {e.Actor1} | {e.Actor2}");
            }
        }

        return score;
    }

    private static string Pair(string? a, string? b)
    {
        var x = a ?? string.Empty;
        var y = b ?? string.Empty;
        return string.CompareOrdinal(x, y) <= 0 ? $"{x}|{y}" : $"{y}|{x}";
    }

    // Tuning looks at dev rows only; test rows are never printed.
    private static void Dump(ref int dump, string split, string? field, string what, Dictionary<string, string> r, string got)
    {
        if (dump <= 0 || split != "dev" || (field is not null && field != what))
        {
            return;
        }

        dump--;
        Console.WriteLine($"[{what}] {got} || want {r["sub_event_type"]} | {r["event_date"]} | {r["fatalities"]} | {r["actor1"]} | {r["actor2"]}");
        Console.WriteLine($"    {r["notes"]}");
    }

    private sealed class Score(string split, string name)
    {
        public int N { get; set; }

        public int Type { get; set; }

        public int Date { get; set; }

        public int Fatalities { get; set; }

        public int FatalitiesN { get; set; }

        public int Actors { get; set; }

        public int Location { get; set; }

        public int NoEvent { get; set; }

        public string Row()
        {
            string F(int k, int n) => n == 0 ? "-" : (k / (double)n).ToString("0.000", CultureInfo.InvariantCulture);
            return $"| {split} | {name} | {N} | {F(Type, N)} | {F(Date, N)} | {F(Fatalities, FatalitiesN)} | {F(Actors, N)} | {F(Location, N)} | {F(NoEvent, N)} | {FatalitiesN} |";
        }
    }
}
