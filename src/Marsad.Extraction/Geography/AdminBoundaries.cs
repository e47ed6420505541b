using System.Collections.Frozen;
using Marsad.Domain.Common;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Marsad.Extraction.Geography;

/// <summary>
/// Reverse geocoding against the OCHA boundaries: the district polygon that contains a point gives
/// admin2 and, through its parent, admin1; admin3 is the sub-district whose centroid is nearest among
/// the district's sub-districts (no open sub-district polygons exist). Immutable and thread-safe.
/// </summary>
public sealed class AdminBoundaries
{
    // Points up to ~5 km outside every polygon (coastline simplification, border villages) take the nearest district.
    private const double NearestDistrictToleranceDegrees = 0.05;

    private static readonly GeometryFactory Factory = new();

    private readonly FrozenDictionary<string, AdminArea> byPCode;
    private readonly (AdminArea Area, IPreparedGeometry Shape)[] districts;
    private readonly FrozenDictionary<string, AdminArea[]> subDistrictsByDistrict;

    // Indexed shapes of the areas that context tests ask about, built on first use (most areas never are).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AreaShape> shapes = new(StringComparer.OrdinalIgnoreCase);

    public AdminBoundaries(IEnumerable<AdminArea> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var list = areas.ToList();
        byPCode = list.ToFrozenDictionary(a => a.PCode, StringComparer.OrdinalIgnoreCase);
        districts = [.. list.Where(a => a.Level == 2 && a.Boundary is not null).Select(a => (a, PreparedGeometryFactory.Prepare(a.Boundary!)))];
        subDistrictsByDistrict = list.Where(a => a.Level == 3 && a.ParentPCode is not null)
            .GroupBy(a => a.ParentPCode!, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<AdminArea> Areas => byPCode.Values;

    public AdminArea? Find(string? pcode) => pcode is not null && byPCode.TryGetValue(pcode, out var area) ? area : null;

    /// <summary>The admin areas of <paramref name="point"/>; <paramref name="knownAdmin3"/> (a source's own sub-district) wins when it lies in the district found.</summary>
    public AdminCodes Locate(GeoPoint point, string? knownAdmin3 = null)
    {
        ArgumentNullException.ThrowIfNull(point);
        var district = DistrictOf(point);
        if (district is null)
        {
            return new AdminCodes(null, null, null);
        }

        var known = Find(knownAdmin3);
        var admin3 = known is not null && string.Equals(known.ParentPCode, district.PCode, StringComparison.OrdinalIgnoreCase)
            ? known.PCode
            : NearestSubDistrict(point, district.PCode)?.PCode;
        return new AdminCodes(district.ParentPCode, district.PCode, admin3);
    }

    /// <summary>True when <paramref name="point"/> lies in the area (or within <paramref name="toleranceKm"/> of its boundary).</summary>
    public bool IsInOrNear(AdminArea area, GeoPoint point, double toleranceKm)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(point);
        if (area.Boundary is null)
        {
            return false;
        }

        var p = Factory.CreatePoint(new Coordinate(point.Longitude, point.Latitude));
        var degrees = toleranceKm / 111.0;
        var envelope = area.Boundary.EnvelopeInternal;
        if (envelope.Distance(p.EnvelopeInternal) > degrees)
        {
            return false;
        }

        var shape = shapes.GetOrAdd(area.PCode, static (_, boundary) => new AreaShape(boundary), area.Boundary);
        return shape.Covers(p) || shape.IsWithinDistance(p, degrees);
    }

    private AdminArea? DistrictOf(GeoPoint point)
    {
        var p = Factory.CreatePoint(new Coordinate(point.Longitude, point.Latitude));
        AdminArea? nearest = null;
        var nearestDistance = NearestDistrictToleranceDegrees;
        foreach (var (area, shape) in districts)
        {
            var envelope = area.Boundary!.EnvelopeInternal;
            if (envelope.Contains(p.Coordinate) && shape.Covers(p))
            {
                return area;
            }

            if (envelope.Distance(p.EnvelopeInternal) <= nearestDistance)
            {
                var d = area.Boundary.Distance(p);
                if (d <= nearestDistance)
                {
                    nearest = area;
                    nearestDistance = d;
                }
            }
        }

        return nearest;
    }

    private AdminArea? NearestSubDistrict(GeoPoint point, string districtPCode)
    {
        if (!subDistrictsByDistrict.TryGetValue(districtPCode, out var candidates))
        {
            return null;
        }

        return candidates.MinBy(s => Geo.ApproxKm(point, s.RepresentativePoint));
    }

    // A polygon prepared for point-in-polygon and indexed for distance to its edges: the plain geometry tests
    // walk every vertex, and context tests run for every candidate of every place reference.
    private sealed class AreaShape(Geometry boundary)
    {
        private readonly IPreparedGeometry prepared = PreparedGeometryFactory.Prepare(boundary);
        private readonly NetTopologySuite.Operation.Distance.IndexedFacetDistance edges = new(boundary);

        public bool Covers(Point point) => prepared.Covers(point);

        public bool IsWithinDistance(Point point, double degrees) => edges.IsWithinDistance(point, degrees);
    }
}
