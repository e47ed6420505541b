namespace Marsad.Domain.Common;

/// <summary>How exactly a place is known, with ACLED's <c>geo_precision</c> codes.</summary>
public enum GeoPrecision
{
    /// <summary>The named place itself (ACLED 1).</summary>
    Place = 1,

    /// <summary>Near, or on the outskirts of, a named place (ACLED 2).</summary>
    NearPlace = 2,

    /// <summary>Only a region is known; coded to the region's representative point (ACLED 3).</summary>
    Region = 3,
}
