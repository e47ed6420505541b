using System.Text.Json;
using Marsad.Extraction.Geography;
using NetTopologySuite.Geometries;

namespace Marsad.Web.Api;

/// <summary>
/// The map's base layer: the OCHA governorate and district polygons from the shipped gazetteer as GeoJSON,
/// built once on first request. No tile server, so the map works offline and tells no third party who looks.
/// </summary>
internal sealed class BoundariesApi(string? gazetteerDirectory)
{
    private readonly Lazy<Dictionary<int, byte[]>> _layers = new(() => Build(gazetteerDirectory));

    public void Map(RouteGroupBuilder api) =>
        api.MapGet("/boundaries", (int? level) =>
            _layers.Value.TryGetValue(level ?? 1, out var json) ? Results.Bytes(json, "application/geo+json") : Results.NotFound())
            .WithTags("map").WithSummary("OCHA admin boundaries as GeoJSON (level 1 governorates, 2 districts)");

    private static Dictionary<int, byte[]> Build(string? directory)
    {
        var folder = directory ?? GazetteerLocator.ShippedDirectory();
        var areas = GazetteerFiles.ReadAdminAreas(Path.Combine(folder, GazetteerFiles.AdminAreasFileName));
        return areas.Where(a => a.Boundary is not null).GroupBy(a => a.Level).ToDictionary(g => g.Key, g => Write(g));
    }

    private static byte[] Write(IEnumerable<AdminArea> areas)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var area in areas)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteStartObject("properties");
                json.WriteString("pcode", area.PCode);
                json.WriteString("name_en", area.NameEn);
                json.WriteString("name_ar", area.NameAr);
                json.WriteNumber("level", area.Level);
                json.WriteEndObject();
                json.WritePropertyName("geometry");
                WriteGeometry(json, area.Boundary!);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteGeometry(Utf8JsonWriter json, Geometry geometry)
    {
        json.WriteStartObject();
        var polygons = Enumerable.Range(0, geometry.NumGeometries).Select(geometry.GetGeometryN).OfType<Polygon>().ToList();
        json.WriteString("type", "MultiPolygon");
        json.WriteStartArray("coordinates");
        foreach (var polygon in polygons)
        {
            json.WriteStartArray();
            foreach (var ring in polygon.InteriorRings.Prepend(polygon.ExteriorRing))
            {
                json.WriteStartArray();
                foreach (var c in ring.Coordinates)
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(Math.Round(c.X, 5));
                    json.WriteNumberValue(Math.Round(c.Y, 5));
                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
