using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Extraction.Geography;

namespace Marsad.Core.Exchange.Import;

/// <summary>
/// Links an imported row's place to the gazetteer: the place its name resolves to (within its governorate) becomes
/// the location's place id when the two points are within <see cref="MaxKm"/> of each other, so a name that
/// resolves elsewhere never links. The row's own name, admin areas and point stay as the source gave them.
/// Each distinct name and governorate is resolved once.
/// </summary>
internal sealed class PlaceLinker(IGeocoder geocoder)
{
    private const double MaxKm = 10;
    private readonly Dictionary<(string, string?), Location?> _resolved = [];

    public ConflictEvent Link(ConflictEvent e)
    {
        if (e.Location is not { Name: { } name, PlaceId: null } location)
        {
            return e;
        }

        if (!_resolved.TryGetValue((name, location.Admin1), out var found))
        {
            _resolved[(name, location.Admin1)] = found = geocoder.Resolve(new PlaceQuery(name, WithinArea: location.Admin1));
        }

        return found is { PlaceId: { } placeId, Point: { } point } && (location.Point is null || location.Point.DistanceKm(point) <= MaxKm)
            ? e with { Location = new Location(location.Name, placeId, location.Admin1, location.Admin2, location.Admin3, location.Point, location.Precision) }
            : e;
    }
}
