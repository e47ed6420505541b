namespace Marsad.Extraction.Geography;

/// <summary>The OCHA P-codes of the governorate, district and sub-district a point lies in (null where it lies in none).</summary>
public sealed record AdminCodes(string? Admin1, string? Admin2, string? Admin3);
