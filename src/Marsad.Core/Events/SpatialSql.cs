using System.Data.Common;
using Marsad.Core.Storage;

namespace Marsad.Core.Events;

/// <summary>
/// The event filters on place, in SQL: a box and a circle. With PostGIS (PostgreSQL with the extension, see
/// Migrations/Postgres/0037_postgis.sql) they read the events' GiST index over <c>geom</c>; without it, the plain
/// latitude and longitude columns, the same answer on SQLite and PostgreSQL. Both sides count a point on the edge in.
/// </summary>
internal static class SpatialSql
{
    /// <summary>The condition for <paramref name="box"/>, its parameters added to the command.</summary>
    public static string InBox(DbCommand command, BoundingBox box, bool postgis, string prefix = "@box")
    {
        command.AddParameter(prefix + "West", box.West).AddParameter(prefix + "South", box.South)
            .AddParameter(prefix + "East", box.East).AddParameter(prefix + "North", box.North);
        return postgis
            ? $"geom && ST_MakeEnvelope({prefix}West, {prefix}South, {prefix}East, {prefix}North, 4326)"
            : $"longitude BETWEEN {prefix}West AND {prefix}East AND latitude BETWEEN {prefix}South AND {prefix}North";
    }

    /// <summary>
    /// The condition for <paramref name="circle"/>: the box around it (which an index can read) and then the distance on
    /// the sphere, through PostGIS's geography or the haversine formula in plain SQL (SQLite's and PostgreSQL's own
    /// sin, cos and radians).
    /// </summary>
    public static string InCircle(DbCommand command, GeoCircle circle, bool postgis)
    {
        var box = InBox(command, circle.Enclosing(), postgis, "@near");
        command.AddParameter("@nearLat", circle.Latitude).AddParameter("@nearLon", circle.Longitude);
        if (postgis)
        {
            command.AddParameter("@nearMeters", circle.Meters);
            return $"{box} AND ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint(@nearLon, @nearLat), 4326)::geography, @nearMeters, false)";
        }

        command.AddParameter("@nearLimit", circle.HaversineLimit());
        return $"""
            {box} AND sin(radians(latitude - @nearLat) / 2) * sin(radians(latitude - @nearLat) / 2)
                + cos(radians(@nearLat)) * cos(radians(latitude)) * sin(radians(longitude - @nearLon) / 2) * sin(radians(longitude - @nearLon) / 2) <= @nearLimit
            """;
    }
}
