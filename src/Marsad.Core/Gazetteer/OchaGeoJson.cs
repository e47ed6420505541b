using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Marsad.Core.Gazetteer;

/// <summary>One feature of an OCHA COD-AB GeoJSON file: its string properties and its (multi)polygon.</summary>
public sealed record OchaFeature(IReadOnlyDictionary<string, string> Properties, Geometry Geometry);

/// <summary>Reads the Polygon and MultiPolygon features of an OCHA boundary file (GeoJSON, WGS 84).</summary>
public static class OchaGeoJson
{
    private static readonly GeometryFactory Factory = new();

    public static IReadOnlyList<OchaFeature> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var features = new List<OchaFeature>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var properties = feature.GetProperty("properties").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? string.Empty : p.Value.ToString(), StringComparer.Ordinal);
            var geometry = feature.GetProperty("geometry");
            var coordinates = geometry.GetProperty("coordinates");
            Geometry shape = geometry.GetProperty("type").GetString() switch
            {
                "Polygon" => Polygon(coordinates),
                "MultiPolygon" => Factory.CreateMultiPolygon([.. coordinates.EnumerateArray().Select(Polygon)]),
                var other => throw new InvalidDataException($"{path}: unsupported geometry type {other}"),
            };
            features.Add(new OchaFeature(properties, shape));
        }

        return features;
    }

    private static Polygon Polygon(JsonElement rings)
    {
        var linear = rings.EnumerateArray().Select(Ring).ToArray();
        return Factory.CreatePolygon(linear[0], linear[1..]);
    }

    private static LinearRing Ring(JsonElement ring) =>
        Factory.CreateLinearRing([.. ring.EnumerateArray().Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble()))]);
}
