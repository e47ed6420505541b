using System.Text.RegularExpressions;

namespace Marsad.Extraction.Geography;

/// <summary>
/// Words that turn a place name into the name of something at or near it ("Yarmouk Camp", "Hmeimim Air Base",
/// "Al Ghab Plain", "Jabal Shashabo", "Eastern Qalamoon"). When the whole name is unknown, the place it
/// is named after is the best point the gazetteer has.
/// </summary>
public static partial class GenericWords
{
    /// <summary>The name without its generic words, or null when it has none (or nothing else).</summary>
    public static string? Strip(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.AsSpan().Trim().ContainsAny(Whitespace))
        {
            return null; // one word: no generic word beside a name
        }

        var bare = Trailing().Replace(Leading().Replace(name, string.Empty), string.Empty).Trim();
        return bare.Length > 0 && bare.Length < name.Trim().Length ? bare : null;
    }

    /// <summary>True when the text is only generic words ("Airbase", "Oil Fields", "Military Base").</summary>
    public static bool IsGeneric(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Strip("x " + text) == "x";
    }

    private static readonly System.Buffers.SearchValues<char> Whitespace = System.Buffers.SearchValues.Create(" \t\r\n\u00A0");

    [GeneratedRegex(@"\s+(?:refugee\s+)?(?:camp|(?:military\s+)?(?:air\s?base|airport|base|heliport|airfield)|(?:oil|gas)\s+fields?|fields?|plain|mountains?|cemete?ary|cemetery|basin|dam|bridge|hills?|roundabout|station|farms?|crossing|checkpoint|prison|valley|lake|junction|highway|road|square|market|hospital|school|factory|silos?|mills?|desert|countryside|area|region)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Trailing();

    [GeneratedRegex(@"^(?:(?:eastern|western|northern|southern|north|south|east|west|upper|lower|greater|old|new)\s+|(?:jabal|jebel|jabel|mount|mt\.?|jroud|jurd|jroud|wadi|sahl|badiyat?)\s+(?:(?:al|el|ad|ar|as|ash|at|az|an)[- ])?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Leading();
}
