using System.Globalization;

namespace Marsad.Core.Events;

/// <summary>A circle on the earth: a centre in degrees and a radius in metres (the "within r of this point" filter).</summary>
public sealed record GeoCircle(double Latitude, double Longitude, double Meters)
{
    /// <summary>
    /// The sphere's radius distances are measured on: the mean radius of WGS 84, which PostGIS's geography also uses
    /// when asked for a sphere, so a radius selects the same events with and without PostGIS.
    /// </summary>
    public const double EarthRadiusMeters = 6371008.8;

    /// <summary>Reads "latitude,longitude,kilometres"; null unless the point is in range and the radius positive (at most half the earth round).</summary>
    public static GeoCircle? TryParse(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3)
        {
            return null;
        }

        var values = new double[3];
        for (var i = 0; i < 3; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                return null;
            }
        }

        return values[0] is >= -90 and <= 90 && values[1] is >= -180 and <= 180 && values[2] > 0 && values[2] <= Math.PI * EarthRadiusMeters / 1000
            ? new GeoCircle(values[0], values[1], values[2] * 1000)
            : null;
    }

    /// <summary>
    /// A longitude/latitude box holding the whole circle, for an index to read before the exact distance is tested:
    /// the whole range of longitudes where the circle reaches a pole or crosses the antimeridian.
    /// </summary>
    public BoundingBox Enclosing()
    {
        var degrees = Meters / EarthRadiusMeters * 180 / Math.PI;
        var south = Latitude - degrees;
        var north = Latitude + degrees;
        if (south <= -90 || north >= 90)
        {
            return new BoundingBox(-180, Math.Max(-90, south), 180, Math.Min(90, north));
        }

        // The widest a circle gets in longitude is at its centre's latitude only near the equator; asin gives the exact reach.
        var reach = Math.Asin(Math.Min(1, Math.Sin(Meters / EarthRadiusMeters) / Math.Cos(Latitude * Math.PI / 180))) * 180 / Math.PI;
        var west = Longitude - reach;
        var east = Longitude + reach;
        return west < -180 || east > 180 ? new BoundingBox(-180, south, 180, north) : new BoundingBox(west, south, east, north);
    }

    /// <summary>
    /// The haversine of the radius's central angle: a point lies in the circle when its haversine term (see
    /// <see cref="SpatialSql"/>) is at most this, which needs no inverse sine in SQL.
    /// </summary>
    public double HaversineLimit()
    {
        var half = Math.Min(Math.PI / 2, Meters / EarthRadiusMeters / 2);
        return Math.Sin(half) * Math.Sin(half);
    }
}
