using Marsad.Domain.Common;

namespace Marsad.Core.Names;

/// <summary>
/// The one rule for a place line: the place's name, then its district (admin2) and governorate (admin1), each left
/// out when it repeats a name already on the line. Syrian districts are named after their seat and many after their
/// governorate ("Al-Hasakeh" district of Al-Hasakeh governorate), so the plain join printed "Rmelan, Al-Hasakeh,
/// Al-Hasakeh". Names are compared on their letters and digits only, case aside ("Al-Hasakeh" = "Al Hasakeh").
/// The web pages do not apply it themselves: the API sends each event's line as <c>place_line</c>.
/// </summary>
public static class PlaceLine
{
    /// <summary>The names of the line, most local first: name, admin2, admin1, without repeats or blanks.</summary>
    public static IReadOnlyList<string> Parts(Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return Parts(location.Name, location.Admin2, location.Admin1);
    }

    /// <summary>
    /// The line as pages show it beside <paramref name="arabic"/>: when the place's own name is the Arabic report's
    /// words, the gazetteer's name of the place (<see cref="ArabicNames.PlaceCanonical"/>) leads the line instead.
    /// </summary>
    public static IReadOnlyList<string> Parts(Location location, ArabicNames? arabic)
    {
        ArgumentNullException.ThrowIfNull(location);
        return Parts(arabic?.PlaceCanonical ?? location.Name, location.Admin2, location.Admin1);
    }

    /// <summary>As above from the three names.</summary>
    public static IReadOnlyList<string> Parts(string? name, string? admin2, string? admin1)
    {
        var parts = new List<string>(3);
        Add(parts, name);
        Add(parts, admin2);
        Add(parts, admin1);
        return parts;
    }

    private static void Add(List<string> parts, string? part)
    {
        if (string.IsNullOrWhiteSpace(part))
        {
            return;
        }

        foreach (var p in parts)
        {
            if (Same(p, part))
            {
                return;
            }
        }

        parts.Add(part.Trim());
    }

    /// <summary>The areas of the line after the place's own name (district, governorate), repeats left out.</summary>
    public static IReadOnlyList<string> Areas(Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var parts = Parts(location);
        return string.IsNullOrWhiteSpace(location.Name) ? parts : [.. parts.Skip(1)];
    }

    /// <summary>"Rmelan, Al-Hasakeh" (with <paramref name="separator"/> between the names).</summary>
    public static string Of(Location location, string separator = ", ") => string.Join(separator, Parts(location));

    /// <summary>True when two names are one for a place line: the same letters and digits, case aside.</summary>
    public static bool Same(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        // Both names walked at once, skipping what is not a letter or digit: every listed event asks this, and building
        // each name's key as a new string cost more than the rest of its place line.
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && !char.IsLetterOrDigit(a[i]))
            {
                i++;
            }

            while (j < b.Length && !char.IsLetterOrDigit(b[j]))
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (char.ToLowerInvariant(a[i++]) != char.ToLowerInvariant(b[j++]))
            {
                return false;
            }
        }
    }
}
