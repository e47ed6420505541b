namespace Marsad.Domain.Common;

/// <summary>A WGS 84 point in decimal degrees.</summary>
public sealed record GeoPoint
{
    public GeoPoint(double latitude, double longitude)
    {
        DomainException.ThrowIf(double.IsNaN(latitude) || latitude is < -90 or > 90, $"latitude {latitude} is outside -90..90");
        DomainException.ThrowIf(double.IsNaN(longitude) || longitude is < -180 or > 180, $"longitude {longitude} is outside -180..180");
        Latitude = latitude;
        Longitude = longitude;
    }

    public double Latitude { get; }

    public double Longitude { get; }

    /// <summary>Great-circle distance in kilometres (haversine, mean Earth radius).</summary>
    public double DistanceKm(GeoPoint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        const double earthRadiusKm = 6371.0088;
        var dLat = double.DegreesToRadians(other.Latitude - Latitude);
        var dLon = double.DegreesToRadians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
                + Math.Cos(double.DegreesToRadians(Latitude)) * Math.Cos(double.DegreesToRadians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * earthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
