using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marsad.Bench.Extraction.Reports;

/// <summary>
/// Scores extraction on a folder of real reports (<c>texts/</c> and <c>gold.jsonl</c>) exactly as
/// <c>../shared/tools/score_reports.py</c> does (DESIGN.md section 8): an event matches when its sub-event type is
/// the gold's (or an accepted alternative) and its place matches a gold place by name (fuzzy) or within 10 km;
/// an aggregate may match as many gold events as it lists incidents, dates or places.
/// </summary>
/// <param name="extract">The contract JSON for a report file and its published date, or null when the extraction gave none.</param>
/// <param name="explain">Also list, per file, the gold events no proposal matched and the proposals that matched none.</param>
public sealed partial class ReportScorer(Func<string, DateOnly?, string?> extract, bool explain = false)
{
    public ReportScore Score(string folder)
    {
        var total = new ReportScore.Builder();
        foreach (var line in File.ReadLines(Path.Combine(folder, "gold.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var gold = JsonDocument.Parse(line);
            var g = gold.RootElement;
            var file = Path.GetFileName(Str(g, "file"))!;
            // As Python reads it: universal newlines, the first line (the URL) dropped.
            var text = File.ReadAllText(Path.Combine(folder, "texts", file)).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
            var cut = text.IndexOf('\n', StringComparison.Ordinal);
            var tmp = Path.Combine(Path.GetTempPath(), $"marsad-score-{Guid.NewGuid():N}.txt");
            File.WriteAllText(tmp, cut < 0 ? string.Empty : text[(cut + 1)..]);
            try
            {
                var published = Str(g, "published") is { Length: > 0 } p ? DateOnly.Parse(p, CultureInfo.InvariantCulture) : (DateOnly?)null;
                var json = extract(tmp, published);
                var perFile = new ReportScore.Builder { File = file };
                ScoreOne(g, Parse(json), perFile);
                total.Add(perFile);
            }
            finally
            {
                File.Delete(tmp);
            }
        }

        return total.Build();
    }

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void ScoreOne(JsonElement g, JsonElement? output, ReportScore.Builder s)
    {
        if (output is null)
        {
            s.Errors++;
        }

        var o = output ?? default;
        var preds = Arr(o, "events");
        var goldEvents = Arr(g, "events");
        foreach (var pe in preds)
        {
            var st = Str(Obj(pe, "date"), "start") ?? string.Empty;
            if (st.Length > 0 && string.CompareOrdinal(st, "2011-03-01") < 0
                && !goldEvents.Any(ge => ((Str(ge, "date") ?? string.Empty) + (Str(ge, "date_text") ?? string.Empty)).Contains(st[..Math.Min(4, st.Length)], StringComparison.Ordinal)))
            {
                s.Invented++;
            }
        }

        s.Gold += goldEvents.Count;
        s.Predicted += preds.Count;
        var used = new Dictionary<int, int>();
        foreach (var ge in goldEvents)
        {
            var hit = Enumerable.Range(0, preds.Count).Cast<int?>().FirstOrDefault(i => used.GetValueOrDefault(i!.Value) < Capacity(preds[i.Value]) && TypeOk(ge, preds[i.Value]) && PlaceOk(ge, preds[i.Value]));
            if (hit is not { } h)
            {
                s.Notes.Add(explain ? $"  missed {Str(ge, "sub_event_type")} at {string.Join(" / ", Arr(ge, "places").Select(x => Text(x)))} ({Str(ge, "actor1")}, {Str(ge, "date")})" : string.Empty);
                continue;
            }

            used[h] = used.GetValueOrDefault(h) + 1;
            s.Matched++;
            var pe = preds[h];
            if (used[h] == 1)
            {
                s.UsedPredictions++;
            }

            var dated = Truthy(Prop(ge, "date"));
            if (dated)
            {
                s.Dates.Add(DateOk(ge, pe));
            }

            var goldFatalities = Num(ge, "fatalities");
            var fatalitiesOk = goldFatalities is null || Num(Obj(Obj(pe, "quantities"), "fatalities"), "low") == goldFatalities;
            if (goldFatalities is not null)
            {
                s.Fatalities.Add(fatalitiesOk);
            }

            var actorOk = ActorOk(ge, pe);
            s.Actors.Add(actorOk);
            // taken as proposed: the coder accepts it without touching actors, date or fatalities
            s.AsProposed += actorOk && (!dated || DateOk(ge, pe)) && fatalitiesOk ? 1 : 0;
        }

        for (var i = 0; i < preds.Count; i++)
        {
            if (!used.ContainsKey(i))
            {
                var pe = preds[i];
                s.Notes.Add(explain ? $"  extra  {Str(pe, "sub_event_type")} at {Str(Obj(pe, "location"), "name")} ({Str(pe, "actor1")}, {Str(Obj(pe, "date"), "start")})" : string.Empty);
            }
        }

        var pclaims = Arr(o, "claims");
        foreach (var gc in Arr(g, "claims"))
        {
            var verdict = Str(gc, "verdict");
            var pc = "[" + string.Join(", ", pclaims.Where(c => string.IsNullOrEmpty(verdict) || Str(c, "verdict") == verdict).Select(ReportKeys.PythonDumps)) + "]";
            pc = pc.ToLowerInvariant();
            var words = LongWords().Matches((Str(gc, "statement") ?? string.Empty).ToLowerInvariant()).Select(m => m.Value).Distinct(StringComparer.Ordinal);
            s.Claims.Add(words.Count(w => pc.Contains(w, StringComparison.Ordinal)) >= 2);
        }

        var gk = Arr(g, "checks").Count;
        var pk = Arr(o, "checks").Count(c => (Str(c, "kind") ?? string.Empty) == "figure_mismatch");
        s.ChecksGold += gk;
        s.ChecksFound += Math.Min(gk, pk);
        s.FalseChecks += Math.Max(0, pk - gk);
        s.PredictedClaims += pclaims.Count;
        var pnames = ("[" + string.Join(", ", Arr(o, "persons").Select(ReportKeys.PythonDumps)) + "]").ToLowerInvariant();
        foreach (var gp in Arr(g, "persons"))
        {
            var words = NameWords().Matches((Str(gp, "name") ?? string.Empty).ToLowerInvariant()).Select(m => m.Value).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            s.Persons.Add(words.Any(w => pnames.Contains(w, StringComparison.Ordinal)));
        }
    }

    private static int Capacity(JsonElement p)
    {
        var a = Obj(p, "aggregate");
        if (!Truthy(a))
        {
            return 1;
        }

        return Math.Max(Math.Max(1, (int)(Num(a, "incidents") ?? 0)), Math.Max(Arr(a, "dates").Count, Arr(a, "places").Count));
    }

    private static bool TypeOk(JsonElement g, JsonElement p)
    {
        var have = Str(p, "sub_event_type");
        return have == Str(g, "sub_event_type") || Arr(g, "alt_sub_event_types").Any(x => Text(x) == have);
    }

    private static bool ActorOk(JsonElement g, JsonElement p)
    {
        var want = new[] { Str(g, "actor1") }.Concat(Arr(g, "actor_aliases").Select(x => Text(x))).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var have = new[] { Str(p, "actor1"), Str(p, "actor2") }.Concat(Arr(p, "assoc_actor_1").Select(x => Text(x))).OfType<string>();
        return have.Any(want.Contains);
    }

    private static bool DateOk(JsonElement g, JsonElement p)
    {
        var want = Str(g, "date");
        return Str(Obj(p, "date"), "start") == want || Arr(Obj(p, "aggregate"), "dates").Any(d => Text(d) == want);
    }

    private static bool PlaceOk(JsonElement g, JsonElement p)
    {
        var loc = Obj(p, "location");
        var names = new[] { Str(loc, "name") }
            .Concat(Arr(Obj(p, "aggregate"), "places").Select(x => x.ValueKind == JsonValueKind.Object ? Str(x, "name") : Text(x)))
            .Where(n => !string.IsNullOrEmpty(n)).Select(ReportKeys.Key).ToList();
        foreach (var gp in Arr(g, "places").Concat(Arr(g, "places_en")))
        {
            var k = ReportKeys.Key(Text(gp));
            if (k.Length > 0 && names.Any(n => k == n || SequenceRatio.Ratio(k, n) >= 0.85 || (k.Length > 4 && (n.Contains(k, StringComparison.Ordinal) || k.Contains(n, StringComparison.Ordinal)))))
            {
                return true;
            }
        }

        if (Num(loc, "latitude") is { } lat && Num(loc, "longitude") is { } lon)
        {
            foreach (var c in Arr(g, "place_coords"))
            {
                if (c.ValueKind == JsonValueKind.Array && c.GetArrayLength() >= 2 && Geo.Km(lat, lon, c[0].GetDouble(), c[1].GetDouble()) <= 10)
                {
                    return true;
                }
            }
        }

        if (Arr(g, "places").Count == 0)
        {
            var admin1 = Str(g, "admin1");
            return string.IsNullOrEmpty(admin1) || First4(ReportKeys.Norm(admin1)) == First4(ReportKeys.Norm(Str(loc, "admin1")));
        }

        return false;
    }

    private static string First4(string s) => s.Length > 4 ? s[..4] : s;

    private static JsonElement? Prop(JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) ? v : null;

    private static JsonElement? Obj(JsonElement? e, string name) => Prop(e, name) is { ValueKind: JsonValueKind.Object } v ? v : null;

    private static List<JsonElement> Arr(JsonElement? e, string name) =>
        Prop(e, name) is { ValueKind: JsonValueKind.Array } v ? [.. v.EnumerateArray()] : [];

    private static string? Str(JsonElement? e, string name) => Text(Prop(e, name));

    private static string? Text(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    // Python's float(x) on a JSON number or numeric string; anything else is no number.
    private static double? Num(JsonElement? e, string name) => Prop(e, name) switch
    {
        { ValueKind: JsonValueKind.Number } n => n.GetDouble(),
        { ValueKind: JsonValueKind.String } s when double.TryParse(s.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    // Python truthiness for the values the scorer tests: null, "", 0, [] and {} are false.
    private static bool Truthy(JsonElement? e) => e switch
    {
        null => false,
        { ValueKind: JsonValueKind.Null or JsonValueKind.False or JsonValueKind.Undefined } => false,
        { ValueKind: JsonValueKind.String } s => s.GetString()!.Length > 0,
        { ValueKind: JsonValueKind.Number } n => n.GetDouble() != 0,
        { ValueKind: JsonValueKind.Array } a => a.GetArrayLength() > 0,
        { ValueKind: JsonValueKind.Object } o => o.EnumerateObject().Any(),
        _ => true,
    };

    [GeneratedRegex("[a-z]{5,}")]
    private static partial Regex LongWords();

    [GeneratedRegex(@"\w{4,}")]
    private static partial Regex NameWords();

    private static class Geo
    {
        public static double Km(double lat1, double lon1, double lat2, double lon2)
        {
            static double R(double d) => d * Math.PI / 180;
            var h = Math.Pow(Math.Sin((R(lat2) - R(lat1)) / 2), 2) + Math.Cos(R(lat1)) * Math.Cos(R(lat2)) * Math.Pow(Math.Sin((R(lon2) - R(lon1)) / 2), 2);
            return 2 * 6371 * Math.Asin(Math.Sqrt(h));
        }
    }
}
