namespace Marsad.Domain.Common;

/// <summary>
/// Where something happened: the place as named, its gazetteer id when resolved, the admin areas
/// the point falls in (admin1 governorate, admin2 district, admin3 sub-district), the point, and how
/// exactly it is known. A location may be named but not yet on the map (no point, no precision).
/// </summary>
public sealed record Location
{
    public Location(string? name, string? placeId, string? admin1, string? admin2, string? admin3, GeoPoint? point, GeoPrecision? precision)
    {
        DomainException.ThrowIf(string.IsNullOrWhiteSpace(name) && point is null && admin1 is null, "location: needs a name, a point or an admin area");
        DomainException.ThrowIf(precision is not null && !Enum.IsDefined(precision.Value), $"location: precision {(int?)precision} is not an ACLED geo precision (1, 2 or 3)");
        DomainException.ThrowIf(point is not null && precision is null, "location: a point needs a precision");
        Name = name;
        PlaceId = placeId;
        Admin1 = admin1;
        Admin2 = admin2;
        Admin3 = admin3;
        Point = point;
        Precision = precision;
    }

    public string? Name { get; }

    public string? PlaceId { get; }

    public string? Admin1 { get; }

    public string? Admin2 { get; }

    public string? Admin3 { get; }

    public GeoPoint? Point { get; }

    public GeoPrecision? Precision { get; }
}
