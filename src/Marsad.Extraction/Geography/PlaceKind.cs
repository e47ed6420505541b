namespace Marsad.Extraction.Geography;

/// <summary>What a gazetteer entry is; admin areas resolve to their representative point at region precision.</summary>
public enum PlaceKind
{
    Governorate,
    District,
    SubDistrict,
    City,
    Town,
    Village,
    Neighbourhood,
    Camp,

    /// <summary>An airport, base, dam, oil or gas field, bridge, crossing: a point that is not a settlement.</summary>
    Site,

    /// <summary>A mountain, plain, desert or other named area without admin status.</summary>
    Area,
}

/// <summary>Helpers on <see cref="PlaceKind"/>.</summary>
public static class PlaceKinds
{
    public static bool IsAdminArea(this PlaceKind kind) => kind is PlaceKind.Governorate or PlaceKind.District or PlaceKind.SubDistrict;

    public static int AdminLevel(this PlaceKind kind) => kind switch
    {
        PlaceKind.Governorate => 1,
        PlaceKind.District => 2,
        PlaceKind.SubDistrict => 3,
        _ => 0,
    };
}
