using Marsad.Core.Events;
using Marsad.Domain.Common;
using Marsad.Domain.Records;

namespace Marsad.Core.Registers.Persons;

/// <summary>
/// The persons register's place filters: a person matches when a place in their record (last seen, or a status step's)
/// lies in the governorate or the box. Applied to the record as the role reads it (<see cref="PersonMask"/>), so a
/// withheld exact place answers only by its governorate, and a box finds it no more than a random box would.
/// </summary>
public static class PersonPlaces
{
    public static bool Match(Person person, string? admin1, BoundingBox? within)
    {
        ArgumentNullException.ThrowIfNull(person);
        var places = person.History.Select(s => s.Place).Prepend(person.LastSeenAt).OfType<Location>().ToList();
        return (string.IsNullOrWhiteSpace(admin1) || places.Any(p => string.Equals(p.Admin1, admin1.Trim(), StringComparison.OrdinalIgnoreCase)))
            && (within is null || places.Any(p => p.Point is { } point && Inside(point, within)));
    }

    private static bool Inside(GeoPoint point, BoundingBox box) =>
        point.Longitude >= box.West && point.Longitude <= box.East && point.Latitude >= box.South && point.Latitude <= box.North;
}
