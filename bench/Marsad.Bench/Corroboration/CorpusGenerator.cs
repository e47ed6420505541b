using Marsad.Core.Corroboration;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Bench.Corroboration;

/// <summary>
/// A multi-source corpus with known truth: incidents each reported by 1 to 4 outlets that disagree as
/// real outlets do (a day off, a rounded or missing death toll, a neighbouring village or only the
/// district, a missing actor, a sibling sub-type), plus near-miss incidents that resemble another
/// incident but are not it (a town 15-60 km away the same day, the same place 4-10 days later, other
/// actors, another kind of violence). Deterministic for a seed: seed 1 is for tuning, seed 2 for reporting.
/// </summary>
internal sealed class CorpusGenerator(int seed)
{
    private static readonly string[] Outlets = ["Observatory A", "Observatory B", "Network C", "Agency D", "Monitor E", "Outlet F", "Outlet G", "Field network H"];

    private static readonly string[][] ActorPairs =
    [
        ["Military Forces of Syria (2000-)", "Hayat Tahrir al-Sham"],
        ["Military Forces of Syria (2000-)", "Islamic State (Syria)"],
        ["QSD: Syrian Democratic Forces", "Islamic State (Syria)"],
        ["QSD: Syrian Democratic Forces", "Syrian National Army"],
        ["Military Forces of Turkey (2016-)", "QSD: Syrian Democratic Forces"],
        ["Military Forces of Russia (2000-)", "Hayat Tahrir al-Sham"],
        ["Unidentified Armed Group (Syria)", "Civilians (Syria)"],
        ["Global Coalition Against Daesh", "Islamic State (Syria)"],
        ["Iranian-backed militias", "Islamic State (Syria)"],
        ["Syrian National Army", "Civilians (Syria)"],
    ];

    private static readonly AcledSubEventType[] SubTypes =
    [
        AcledSubEventType.ArmedClash, AcledSubEventType.ArmedClash, AcledSubEventType.AirDroneStrike, AcledSubEventType.ShellingArtilleryMissileAttack,
        AcledSubEventType.RemoteExplosiveLandmineIed, AcledSubEventType.Attack, AcledSubEventType.AbductionForcedDisappearance, AcledSubEventType.Arrests,
    ];

    private readonly Random _random = new(seed);

    /// <summary>
    /// A corpus for timing at scale: the same kinds of reports, spread over 20 years and 5,000 places
    /// so that density stays like a real record's; truth is not needed, so incidents are not checked for distinctness.
    /// </summary>
    public IReadOnlyList<EventSignature> GenerateLarge(int incidents, int nearMisses)
    {
        var places = Enumerable.Range(0, 5000).Select(i => new GeoPoint(32.6 + _random.NextDouble() * 4.6, 35.8 + _random.NextDouble() * 6.3)).ToArray();
        var truth = new List<Incident>(incidents + nearMisses);
        for (var i = 0; i < incidents; i++)
        {
            truth.Add(new Incident(SubTypes[_random.Next(SubTypes.Length)], new DateOnly(2005, 1, 1).AddDays(_random.Next(7300)), places[_random.Next(places.Length)], ActorPairs[_random.Next(ActorPairs.Length)], _random.Next(40)));
        }

        for (var i = 0; i < nearMisses; i++)
        {
            truth.Add(NearMiss(truth[_random.Next(incidents)]));
        }

        var reports = new List<EventSignature>();
        for (var id = 0; id < truth.Count; id++)
        {
            foreach (var outlet in Outlets.OrderBy(_ => _random.Next()).Take(id < incidents ? _random.Next(1, 5) : _random.Next(1, 3)))
            {
                reports.Add(Report(truth[id], outlet));
            }
        }

        return reports;
    }

    public IReadOnlyList<(EventSignature Report, int Incident)> Generate(int incidents, int nearMisses)
    {
        var places = Enumerable.Range(0, 600).Select(i => new GeoPoint(32.6 + _random.NextDouble() * 4.6, 35.8 + _random.NextDouble() * 6.3)).ToArray();
        var truth = new List<Incident>(incidents + nearMisses);
        while (truth.Count < incidents)
        {
            AddIfDistinct(truth, new Incident(
                SubTypes[_random.Next(SubTypes.Length)],
                new DateOnly(2023, 1, 1).AddDays(_random.Next(365)),
                places[_random.Next(places.Length)],
                ActorPairs[_random.Next(ActorPairs.Length)],
                _random.Next(4) == 0 ? 0 : _random.Next(1, 40)));
        }

        while (truth.Count < incidents + nearMisses)
        {
            AddIfDistinct(truth, NearMiss(truth[_random.Next(incidents)]));
        }

        var reports = new List<(EventSignature, int)>();
        for (var id = 0; id < truth.Count; id++)
        {
            var outlets = Outlets.OrderBy(_ => _random.Next()).Take(id < incidents ? _random.Next(1, 5) : _random.Next(1, 3));
            foreach (var outlet in outlets)
            {
                reports.Add((Report(truth[id], outlet), id));
            }
        }

        return [.. reports.OrderBy(_ => _random.Next())];
    }

    /// <summary>
    /// Keeps the truth well-defined: two incidents of one kind, within 3 days and 15 km, sharing an actor,
    /// would be the same incident to any reader, so such a draw is discarded and drawn again.
    /// </summary>
    private static void AddIfDistinct(List<Incident> truth, Incident candidate)
    {
        var family = SubTypeFamilies.Of(candidate.SubType.Label);
        var clash = truth.Any(t => Math.Abs(t.Day.DayNumber - candidate.Day.DayNumber) <= 3
            && SubTypeFamilies.Of(t.SubType.Label) == family
            && t.Actors.Intersect(candidate.Actors).Any()
            && t.Place.DistanceKm(candidate.Place) <= 15);
        if (!clash)
        {
            truth.Add(candidate);
        }
    }

    private Incident NearMiss(Incident of) => _random.Next(4) switch
    {
        0 => of with { Place = Offset(of.Place, 15 + _random.NextDouble() * 45) },
        1 => of with { Day = of.Day.AddDays(_random.Next(4, 11) * (_random.Next(2) == 0 ? 1 : -1)) },
        2 => of with { Actors = ActorPairs.Where(p => !p.Intersect(of.Actors).Any()).OrderBy(_ => _random.Next()).First() },
        _ => of with { SubType = SubTypes.Where(s => SubTypeFamilies.Of(s.Label) != SubTypeFamilies.Of(of.SubType.Label)).OrderBy(_ => _random.Next()).First() },
    };

    private EventSignature Report(Incident incident, string outlet)
    {
        var roll = _random.NextDouble();
        var day = roll < 0.7 ? incident.Day : incident.Day.AddDays(_random.Next(2) == 0 ? 1 : -1);
        var where = _random.NextDouble();
        GeoPoint? point = where < 0.7 ? Offset(incident.Place, _random.NextDouble() * 1.5) : where < 0.85 ? Offset(incident.Place, 3 + _random.NextDouble() * 4) : null;
        var deaths = _random.NextDouble();
        int? fatalities = deaths < 0.6 ? incident.Fatalities : deaths < 0.85 ? (int)Math.Round(incident.Fatalities / 5.0) * 5 : null;
        var actors = _random.NextDouble();
        var subType = _random.NextDouble() < 0.85 ? incident.SubType : SubTypes.Where(s => SubTypeFamilies.Of(s.Label) == SubTypeFamilies.Of(incident.SubType.Label)).OrderBy(_ => _random.Next()).First();
        return new EventSignature(
            Guid.NewGuid(), outlet, subType.Label, day, day,
            point?.Latitude, point?.Longitude, District(incident.Place),
            actors < 0.9 ? incident.Actors[0] : null,
            actors < 0.7 ? incident.Actors[1] : null,
            fatalities);
    }

    /// <summary>A stand-in admin area: a 0.4° grid square, about the size of a Syrian district.</summary>
    private static string District(GeoPoint p) => $"{Math.Floor(p.Latitude / 0.4)}:{Math.Floor(p.Longitude / 0.4)}";

    private GeoPoint Offset(GeoPoint from, double km)
    {
        var bearing = _random.NextDouble() * 2 * Math.PI;
        var dLat = km * Math.Cos(bearing) / 111.0;
        var dLon = km * Math.Sin(bearing) / (111.0 * Math.Cos(double.DegreesToRadians(from.Latitude)));
        return new GeoPoint(from.Latitude + dLat, from.Longitude + dLon);
    }

    private sealed record Incident(AcledSubEventType SubType, DateOnly Day, GeoPoint Place, string[] Actors, int Fatalities);
}
