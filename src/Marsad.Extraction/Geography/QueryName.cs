using System.Text.RegularExpressions;
using Marsad.Domain.Common;

namespace Marsad.Extraction.Geography;

/// <summary>
/// A place reference with the words around the name taken off: "outskirts of X", "near X", "X frontline"
/// imply a point near X (precision 2); "X countryside", "desert of X", "rural X" imply only the region
/// (precision 3); "X town", "the X" change nothing. The stronger of the implied and the asked precision wins.
/// </summary>
public static partial class QueryName
{
    public static (string Name, GeoPrecision Precision) Clean(string name, GeoPrecision asked)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Trim();
        if (!text.AsSpan().ContainsAny(Whitespace))
        {
            return (text, asked); // every wording below has a space in it
        }

        var precision = asked;
        var span = text.AsSpan();
        if (!span.ContainsAny(CueWords))
        {
            return (text, asked); // none of the words the patterns below look for
        }

        var region = RegionWords().Match(text);
        if (region.Success)
        {
            text = region.Groups["name"].Value;
            precision = Max(precision, GeoPrecision.Region);
        }

        var near = NearWords().Match(text);
        if (near.Success)
        {
            text = near.Groups["name"].Value;
            precision = Max(precision, GeoPrecision.NearPlace);
        }

        var neutral = NeutralWords().Match(text);
        if (neutral.Success)
        {
            text = neutral.Groups["name"].Value;
        }

        return (text.Trim(), precision);
    }

    private static readonly System.Buffers.SearchValues<char> Whitespace = System.Buffers.SearchValues.Create(" \t\r\n\u00A0");

    // Every word the three patterns need; a name without any of them comes back as it is (the patterns are the costly part).
    private static readonly System.Buffers.SearchValues<string> CueWords = System.Buffers.SearchValues.Create(
        ["countryside", "desert", "badia", "rural", "province", "governorate", "region", "outskirts", "vicinity", "surroundings", "edge", "environs",
         "front", "axis", "periphery", "near", "around", "outside", "the", "town", "village", "city", "neighbo", "suburb", "district", "hamlet"],
        StringComparison.OrdinalIgnoreCase);

    private static GeoPrecision Max(GeoPrecision a, GeoPrecision b) => (GeoPrecision)Math.Max((int)a, (int)b);

    [GeneratedRegex(@"^(?:the\s+)?(?:(?:(?:north|south|east|west)(?:ern|[- ]?(?:east|west)(?:ern)?)?\s+)?(?:countryside|desert|badia|rural areas?|province|governorate)\s+of\s+|rural\s+)(?<name>.+)$|^(?:the\s+)?(?<name>.+?)\s+(?:countryside|desert|badia|province|governorate|region)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RegionWords();

    [GeneratedRegex(@"^(?:the\s+)?(?:(?:outskirts|vicinity|surroundings|edge|environs|frontlines?|fronts?|axis|periphery)\s+of|near|around|outside)\s+(?<name>.+)$|^(?:the\s+)?(?<name>.+?)\s+(?:outskirts|frontlines?|front|axis|vicinity|surroundings)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NearWords();

    [GeneratedRegex(@"^(?:the\s+)?(?:(?:town|village|city|neighbou?rhood|suburb|district|sub-?district)\s+of\s+)?(?<name>.+?)(?:\s+(?:town|village|city|neighbou?rhood|suburb|hamlet))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NeutralWords();
}
