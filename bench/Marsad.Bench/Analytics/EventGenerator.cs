using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Bench.Analytics;

/// <summary>
/// Fictional events spread over ten years (2014-09 to 2024-08) with the mix a monitoring record has:
/// every ACLED sub-type, a few dozen actors (the Coalition among the frequent ones), the 14
/// governorates and their districts, one-day events mostly and some spans up to a month, aggregates
/// with listed dates, fatalities and other quantities with ranges, statuses and grades. Seeded, so runs compare.
/// </summary>
internal sealed class EventGenerator(int seed)
{
    private static readonly string[] Governorates =
        ["Aleppo", "Al-Hasakeh", "Ar-Raqqa", "As-Sweida", "Damascus", "Dar'a", "Deir-ez-Zor", "Hama", "Homs", "Idleb", "Lattakia", "Quneitra", "Rural Damascus", "Tartous"];

    private static readonly string[] Actors =
    [
        "Global Coalition Against Daesh", "QSD: Syrian Democratic Forces", "Islamic State (Syria)", "Military Forces of Syria (2000-)",
        "Military Forces of Russia (2000-)", "Military Forces of Turkey (2002-)", "Hayat Tahrir al-Sham", "Syrian National Army",
        "Civilians (Syria)", "Unidentified Armed Group (Syria)", "Militia (Pro-Iran)", "Military Forces of Israel (1948-)",
        .. Enumerable.Range(1, 24).Select(i => $"Local Militia {i} (Syria)"),
    ];

    // Place and district names made once: formatting two strings per event was a visible part of a 10M load's generating thread.
    private static readonly string[] Places = [.. Enumerable.Range(0, 5000).Select(i => $"Place {i}")];

    private static readonly string[][] Districts = [.. Governorates.Select(g => Enumerable.Range(1, 5).Select(i => $"{g} district {i}").ToArray())];

    private static readonly DateOnly First = new(2014, 9, 1);
    private static readonly int Days = new DateOnly(2024, 8, 31).DayNumber - First.DayNumber + 1;

    // Ids, from a stream of their own so that the events' fields stay the same sequence they were.
    private readonly Random ids = new(seed ^ 0x5EED);
    private readonly Random random = new(seed);
    private long made;
    private readonly AcledSubEventType[] subTypes = [.. AcledSubEventType.All];

    public ConflictEvent Next()
    {
        var start = First.AddDays(random.Next(Days));
        var span = random.NextDouble() < 0.9 ? 0 : random.Next(1, 31);
        var g = Skewed(Governorates.Length);
        var governorate = Governorates[g];
        var aggregate = random.NextDouble() < 0.02;
        var quantities = Quantities.Empty;
        if (random.NextDouble() < 0.6)
        {
            var n = random.Next(0, 12);
            quantities = quantities.With(Quantities.Names.Fatalities, random.NextDouble() < 0.1 ? new Quantity(n, n + 2, n + 5) : Quantity.Exactly(n));
        }

        if (random.NextDouble() < 0.1)
        {
            quantities = quantities.With(Quantities.Names.Arrested, Quantity.Exactly(random.Next(1, 60)));
        }

        if (random.NextDouble() < 0.05)
        {
            quantities = quantities.With(Quantities.Names.Vehicles, random.NextDouble() < 0.2 ? new Quantity(100, 100, null, "hundreds") : Quantity.Exactly(random.Next(5, 300)));
        }

        var point = new GeoPoint(32.5 + random.NextDouble() * 4.5, 35.8 + random.NextDouble() * 6.2);
        var status = random.NextDouble() switch { < 0.78 => EventStatus.Reviewed, < 0.88 => EventStatus.Extracted, < 0.95 => EventStatus.Published, _ => EventStatus.Rejected };
        return new ConflictEvent
        {
            Id = NextId(),
            SubEventType = subTypes[random.Next(subTypes.Length)],
            Date = new DateSpan(start, start.AddDays(span), span == 0 ? TimePrecision.Day : TimePrecision.Month),
            Actor1 = Actors[Skewed(Actors.Length)],
            Actor2 = random.NextDouble() < 0.6 ? Actors[Skewed(Actors.Length)] : null,
            AssocActor1 = random.NextDouble() < 0.1 ? [Actors[random.Next(Actors.Length)]] : [],
            Location = new Location(Places[random.Next(5000)], null, governorate, Districts[g][random.Next(1, 6) - 1], null, point, GeoPrecision.Place),
            Quantities = quantities,
            Aggregate = aggregate ? new Aggregate(random.Next(2, 8), [], Enumerable.Range(0, random.Next(0, 5)).Select(_ => start.AddDays(random.Next(span + 1)))) : null,
            Status = status,
            Grade = status == EventStatus.Extracted ? null : (Grade)random.Next(5),
            Summary = "generated",
        };
    }

    /// <summary>
    /// A version 7 id (time-ordered, so a load appends to the primary key's right edge as Guid.CreateVersion7's did), its
    /// millisecond one per event from 2024-09-01 and its random bits from the seeded stream: Guid.CreateVersion7 asked the
    /// kernel for random bytes every call, the largest part of a 10M load's generating thread, and gave other ids each run.
    /// </summary>
    private Guid NextId()
    {
        var milliseconds = 1_725_148_800_000L + made++;
        Span<byte> bits = stackalloc byte[10];
        ids.NextBytes(bits);
        return new Guid((int)(milliseconds >> 16), (short)(milliseconds & 0xFFFF), (short)(0x7000 | (bits[0] << 4 | bits[1] >> 4) & 0x0FFF),
            (byte)(0x80 | (bits[2] & 0x3F)), bits[3], bits[4], bits[5], bits[6], bits[7], bits[8], bits[9]);
    }

    /// <summary>An index skewed toward the front of the list (a few actors and places report most events).</summary>
    private int Skewed(int length) => (int)(length * Math.Pow(random.NextDouble(), 2.2));
}
