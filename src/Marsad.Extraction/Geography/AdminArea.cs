using System.Collections.Immutable;
using Marsad.Domain.Common;
using NetTopologySuite.Geometries;

namespace Marsad.Extraction.Geography;

/// <summary>
/// An OCHA admin area: governorate (level 1), district (2) or sub-district (3), with English and Arabic
/// names, aliases, the P-code of the area that contains it, and the point that stands for it when an event
/// is known only to have happened somewhere in it. Sub-districts carry no polygon (none is published openly).
/// </summary>
public sealed record AdminArea(
    int Level,
    string PCode,
    string? ParentPCode,
    string NameEn,
    string? NameAr,
    GeoPoint RepresentativePoint,
    ImmutableArray<string> Aliases,
    Geometry? Boundary)
{
    public IEnumerable<string> AllNames => Aliases.Prepend(NameEn).Concat(NameAr is null ? [] : [NameAr]);

    public PlaceKind Kind => Level switch
    {
        1 => PlaceKind.Governorate,
        2 => PlaceKind.District,
        _ => PlaceKind.SubDistrict,
    };
}
