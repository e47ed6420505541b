using System.Text.Json;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Extraction.Arabic;

namespace Marsad.Extraction.Tests.Arabic;

/// <summary>
/// Guards the figures reached on the Arabic dev reports (../shared/reports-dev-ar, never copied here), scored as
/// ../shared/tools/score_reports.py scores them: an event matches a gold event of its sub-type (or an accepted
/// alternative) whose place it names (Arabic name, English name) or lies within 10 km of. Skipped without ../shared.
/// </summary>
public class ArabicDevSetTests
{
    [Fact]
    public void Arabic_dev_reports_keep_their_scores()
    {
        var folder = SharedData.Require("reports-dev-ar");
        int gold = 0, predicted = 0, matched = 0, used = 0, fatalOk = 0, fatalN = 0, actorOk = 0, unsupportedDates = 0;
        foreach (var line in File.ReadLines(Path.Combine(folder, "gold.jsonl")))
        {
            using var g = JsonDocument.Parse(line);
            var root = g.RootElement;
            var text = File.ReadAllText(Path.Combine(folder, "texts", Path.GetFileName(root.GetProperty("file").GetString()!))).Split('\n', 2)[1];
            var r = ArabicRead.Run(text);
            Assert.Equal("ar", r.Document.Language);
            var events = r.Events;
            predicted += events.Length;
            // A printed date must be one the text supports: its year is written in the text, or the annotators read the
            // text as giving it ("last year, 2021" makes a day and month fall in 2022): a year of the report's gold dates.
            var goldYears = root.GetProperty("events").EnumerateArray()
                .Where(ge => ge.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String && d.GetString()!.Length >= 4)
                .Select(ge => ge.GetProperty("date").GetString()![..4]).ToHashSet(StringComparer.Ordinal);
            unsupportedDates += events.Count(e =>
            {
                var year = e.Date.Start.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return !r.Undated.ContainsKey(e.Id) && !text.Contains(year, StringComparison.Ordinal) && !goldYears.Contains(year);
            });
            var taken = new HashSet<int>();
            foreach (var ge in root.GetProperty("events").EnumerateArray())
            {
                gold++;
                var hit = Enumerable.Range(0, events.Length).FirstOrDefault(i => !taken.Contains(i) && TypeOk(ge, events[i]) && PlaceOk(ge, events[i]), -1);
                if (hit < 0)
                {
                    continue;
                }

                taken.Add(hit);
                matched++;
                used++;
                var e = events[hit];
                if (ge.TryGetProperty("fatalities", out var f) && f.ValueKind == JsonValueKind.Number)
                {
                    fatalN++;
                    fatalOk += e.Quantities.TryGetValue("fatalities", out var q) && q.Low == f.GetInt32() ? 1 : 0;
                }

                actorOk += ActorOk(ge, e) ? 1 : 0;
            }
        }

        var recall = (double)matched / gold;
        var precision = (double)used / predicted;
        var f1 = 2 * recall * precision / (recall + precision);
        var message = $"recall {recall:F3} precision {precision:F3} f1 {f1:F3} fatalities {(double)fatalOk / fatalN:F3} actors {(double)actorOk / matched:F3} unsupported dates {unsupportedDates}";
        Assert.True(f1 >= 0.78, message);
        Assert.True((double)fatalOk / fatalN >= 0.9, message);
        Assert.True((double)actorOk / matched >= 0.88, message);
        Assert.True(unsupportedDates == 0, message);
    }

    private static bool TypeOk(JsonElement g, ConflictEvent e) =>
        Strings(g, "sub_event_type").Concat(Strings(g, "alt_sub_event_types")).Contains(e.SubEventType.Label);

    private static bool ActorOk(JsonElement g, ConflictEvent e)
    {
        var want = Strings(g, "actor1").Concat(Strings(g, "actor_aliases")).ToHashSet();
        return new[] { e.Actor1, e.Actor2 }.Concat(e.AssocActor1).Any(a => a is not null && want.Contains(a));
    }

    private static bool PlaceOk(JsonElement g, ConflictEvent e)
    {
        var loc = e.Location;
        var places = Strings(g, "places").ToList();
        if (places.Count == 0)
        {
            return true;
        }

        var name = Key(loc?.Name);
        if (name.Length > 0 && places.Concat(Strings(g, "places_en")).Select(Key).Any(k => k.Length > 0 && (k == name || (k.Length > 4 && (k.Contains(name, StringComparison.Ordinal) || name.Contains(k, StringComparison.Ordinal))))))
        {
            return true;
        }

        return loc?.Point is { } p && g.TryGetProperty("place_coords", out var coords) && coords.EnumerateArray()
            .Any(c => c.ValueKind == JsonValueKind.Array && Geo(p, new GeoPoint(c[0].GetDouble(), c[1].GetDouble())) <= 10);
    }

    // Arabic keys as the scorer makes them: folded letters, no leading article or clitic, letters only.
    private static string Key(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var n = ArabicLetters.Normalize(name.Trim());
        foreach (var prefix in (ReadOnlySpan<string>)["وال", "بال", "لال", "فال", "ال"])
        {
            if (n.StartsWith(prefix, StringComparison.Ordinal))
            {
                n = n[prefix.Length..];
                break;
            }
        }

        var letters = new string([.. n.Where(ArabicLetters.IsArabicLetter)]);
        return letters.Length > 0 ? letters : new string([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
    }

    private static double Geo(GeoPoint a, GeoPoint b)
    {
        static double R(double d) => d * Math.PI / 180;
        var h = Math.Pow(Math.Sin(R(b.Latitude - a.Latitude) / 2), 2) + (Math.Cos(R(a.Latitude)) * Math.Cos(R(b.Latitude)) * Math.Pow(Math.Sin(R(b.Longitude - a.Longitude) / 2), 2));
        return 2 * 6371 * Math.Asin(Math.Sqrt(h));
    }

    private static IEnumerable<string> Strings(JsonElement g, string property) =>
        !g.TryGetProperty(property, out var v) ? [] :
        v.ValueKind == JsonValueKind.String ? [v.GetString()!] :
        v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!) : [];
}
