using Marsad.Domain.Common;

namespace Marsad.Extraction.Geography;

/// <summary>Distance arithmetic fast enough for ranking many candidates.</summary>
internal static class Geo
{
    private const double KmPerDegree = 111.195;

    /// <summary>Equirectangular distance in km: within 0.5% of the great circle at Syria's size, and cheap.</summary>
    public static double ApproxKm(GeoPoint a, GeoPoint b)
    {
        var meanLat = double.DegreesToRadians((a.Latitude + b.Latitude) / 2);
        var dx = (b.Longitude - a.Longitude) * Math.Cos(meanLat);
        var dy = b.Latitude - a.Latitude;
        return Math.Sqrt(dx * dx + dy * dy) * KmPerDegree;
    }
}
