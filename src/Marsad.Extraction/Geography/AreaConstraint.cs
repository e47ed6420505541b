using Marsad.Domain.Common;

namespace Marsad.Extraction.Geography;

/// <summary>
/// The area a query's place must lie in: an admin area (matched by the candidate's P-codes or, for
/// governorates and districts, by its polygon with a tolerance), or a circle around a named place that
/// is not an admin area ("Jabal al-Zawiya", "Minbij" when it names the town).
/// </summary>
internal sealed record AreaConstraint(AdminArea? Admin, GeoPoint? Center, double RadiusKm)
{
    // Border villages whose point falls just across a simplified line still count as inside.
    private const double BoundaryToleranceKm = 5;
    private const double SubDistrictRadiusKm = 15;

    // A candidate this close to the area is the likeliest reading when nothing lies inside it.
    public const double FallbackToleranceKm = 25;

    public bool Contains(GazetteerEntry entry, AdminBoundaries boundaries, double toleranceKm = BoundaryToleranceKm)
    {
        if (Center is not null)
        {
            return Geo.ApproxKm(entry.Point, Center) <= RadiusKm + toleranceKm - BoundaryToleranceKm;
        }

        var area = Admin!;
        var code = area.Level switch
        {
            1 => entry.Admin1,
            2 => entry.Admin2,
            _ => entry.Admin3,
        };
        if (string.Equals(code, area.PCode, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return area.Boundary is null
            ? Geo.ApproxKm(entry.Point, area.RepresentativePoint) <= SubDistrictRadiusKm + toleranceKm - BoundaryToleranceKm
            : boundaries.IsInOrNear(area, entry.Point, toleranceKm);
    }
}
