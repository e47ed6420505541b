using System.Globalization;
using Marsad.Extraction.Geography;

namespace Marsad.Bench.Corroboration;

/// <summary>
/// The multi-source corpus as text: each incident (at a real place from the shipped gazetteer) is
/// written up by 1 to 4 outlets in their own words — different sentence patterns, names for the same
/// actors, spellings of the place (al-/el-, Deir/Dayr, doubled letters), rounded tolls, and a date
/// stated one day off — plus near-miss incidents that resemble another but are not it. Deterministic per seed.
/// </summary>
internal sealed class TextCorpusGenerator(int seed, Gazetteer gazetteer)
{
    private static readonly string[] Outlets = ["Observatory A", "Observatory B", "Network C", "Agency D", "Monitor E", "Outlet F", "Outlet G", "Field network H"];

    private static readonly (string Canonical, string[] Phrases)[] Actors =
    [
        ("Military Forces of Syria (2000-)", ["regime forces", "Syrian government forces", "the Syrian army"]),
        ("Hayat Tahrir al-Sham", ["HTS", "Hayat Tahrir al-Sham", "HTS fighters"]),
        ("Islamic State (Syria)", ["ISIS", "ISIS cells", "Daesh fighters"]),
        ("QSD: Syrian Democratic Forces", ["the SDF", "the Syrian Democratic Forces", "QSD fighters"]),
        ("Syrian National Army", ["Turkish-backed factions", "the Syrian National Army", "SNA factions"]),
        ("Military Forces of Turkey (2016-)", ["Turkish forces", "the Turkish army", "Turkish troops"]),
    ];

    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    private readonly Random _random = new(seed);

    public IReadOnlyList<(string Text, DateOnly Published, string Outlet, int Incident)> Generate(int incidents, int nearMisses)
    {
        var places = gazetteer.Entries.Where(e => e.Population >= 3000 && !e.IsApproximate && !e.IsTownCentre && e.Name.Length > 3).ToArray();
        var truth = new List<Incident>();
        while (truth.Count < incidents)
        {
            var pair = _random.Next(Actors.Length);
            AddIfDistinct(truth, new Incident(_random.Next(3), new DateOnly(2023, 1, 1).AddDays(_random.Next(365)), places[_random.Next(places.Length)], pair, (pair + 1 + _random.Next(Actors.Length - 1)) % Actors.Length, _random.Next(1, 30)));
        }

        while (truth.Count < incidents + nearMisses)
        {
            var of = truth[_random.Next(incidents)];
            AddIfDistinct(truth, _random.Next(4) switch
            {
                0 => of with { Place = places.Where(p => p.Point.DistanceKm(of.Place.Point) is > 20 and < 60).DefaultIfEmpty(places[_random.Next(places.Length)]).ElementAt(0) },
                1 => of with { Day = of.Day.AddDays(_random.Next(4, 11)) },
                2 => of with { Actor1 = (of.Actor1 + 2) % Actors.Length, Actor2 = (of.Actor2 + 3) % Actors.Length },
                // Another kind of violence: shelling and airstrikes are one family (outlets mix them up), clashes another.
                _ => of with { Kind = Family(of.Kind) == 0 ? _random.Next(1, 3) : 0 },
            });
        }

        var reports = new List<(string, DateOnly, string, int)>();
        for (var id = 0; id < truth.Count; id++)
        {
            foreach (var outlet in Outlets.OrderBy(_ => _random.Next()).Take(id < incidents ? _random.Next(1, 5) : _random.Next(1, 3)))
            {
                var (text, published) = Write(truth[id]);
                reports.Add((text, published, outlet, id));
            }
        }

        return [.. reports.OrderBy(_ => _random.Next())];
    }

    private static void AddIfDistinct(List<Incident> truth, Incident candidate)
    {
        if (candidate.Actor1 == candidate.Actor2)
        {
            return;
        }

        var clash = truth.Any(t => Family(t.Kind) == Family(candidate.Kind) && Math.Abs(t.Day.DayNumber - candidate.Day.DayNumber) <= 3
            && new[] { t.Actor1, t.Actor2 }.Intersect([candidate.Actor1, candidate.Actor2]).Any() && t.Place.Point.DistanceKm(candidate.Place.Point) <= 15);
        if (!clash)
        {
            truth.Add(candidate);
        }
    }

    private (string Text, DateOnly Published) Write(Incident incident)
    {
        var day = _random.NextDouble() < 0.75 ? incident.Day : incident.Day.AddDays(_random.Next(2) == 0 ? 1 : -1);
        var a = Pick(Actors[incident.Actor1].Phrases);
        var b = Pick(Actors[incident.Actor2].Phrases);
        var place = Spell(incident.Place.Name);
        var deaths = _random.NextDouble() < 0.7 ? incident.Fatalities.ToString(CultureInfo.InvariantCulture) : $"nearly {(int)Math.Ceiling(incident.Fatalities / 5.0) * 5}";
        var useYesterday = _random.Next(2) == 0;
        var published = useYesterday ? day.AddDays(1) : day.AddDays(_random.Next(1, 3));
        var when = useYesterday ? "yesterday" : $"on {day.Day} {Months[day.Month - 1]}";
        var sentence = incident.Kind switch
        {
            0 => Pick([$"Clashes broke out {when} between {a} and {b} in {place}, leaving {deaths} fighters dead.", $"{Capital(a)} clashed with {b} in {place} {when}; {deaths} fighters were killed."]),
            1 => Pick([$"{Capital(a)} shelled positions of {b} in {place} {when}, killing {deaths} people.", $"Artillery shelling by {a} on {place} {when} killed {deaths} members of {b}."]),
            _ => Pick([$"{Capital(a)} warplanes carried out airstrikes on {b} positions in {place} {when}, killing {deaths} people.", $"An airstrike by {a} on {place} {when} killed {deaths} members of {b}."]),
        };
        return (sentence, published);
    }

    /// <summary>Another outlet's spelling: article forms, Deir/Dayr, doubled letters, hyphens.</summary>
    private string Spell(string name) => _random.Next(4) switch
    {
        0 => name,
        1 => name.Replace("Al ", "al-", StringComparison.Ordinal).Replace("Al-", "al-", StringComparison.Ordinal),
        2 => name.Replace("Deir", "Dayr", StringComparison.Ordinal).Replace("Tal ", "Tell ", StringComparison.Ordinal).Replace("ee", "i", StringComparison.Ordinal),
        _ => name.Replace("Al ", "Al-", StringComparison.Ordinal).Replace("ou", "u", StringComparison.Ordinal),
    };

    /// <summary>0 for clashes; 1 for shelling and airstrikes, which corroboration treats as one family.</summary>
    private static int Family(int kind) => kind == 0 ? 0 : 1;

    private string Pick(string[] options) => options[_random.Next(options.Length)];

    private static string Capital(string phrase) => char.ToUpperInvariant(phrase[0]) + phrase[1..];

    private sealed record Incident(int Kind, DateOnly Day, GazetteerEntry Place, int Actor1, int Actor2, int Fatalities);
}
