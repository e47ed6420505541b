namespace Marsad.Core.Ids;

/// <summary>
/// The one id form people see and type: the shortest prefix of the id (as <c>Guid.ToString("D")</c> writes it)
/// that no other record of the same kind shares, and never fewer than 8 hex digits. A prefix rather than a tail:
/// events of one document share their last digits (their ids are the document's hash with the index folded into
/// the front), and time-ordered documents share their first 8 digits for about a minute, so a fixed slice on
/// either side would repeat. Any unique prefix of 6 or more digits is accepted back (<see cref="IRecordIds"/>).
/// </summary>
public static class ShortId
{
    public const int MinimumShown = 8;

    public const int MinimumTyped = 6;

    /// <summary>The short form of <paramref name="id"/> given its neighbours in sorted order (either may be null).</summary>
    public static string Of(Guid id, string? before, string? after)
    {
        var text = id.ToString("D");
        var shared = Math.Max(Common(text, before), Common(text, after));
        var length = Math.Max(shared + 1, MinimumShown);
        // A prefix ending on a dash reads as cut short; take the digit after it.
        if (length < text.Length && text[length - 1] == '-')
        {
            length++;
        }

        return text[..Math.Min(length, text.Length)];
    }

    /// <summary>What a person typed, as the start of an id: lower case, surrounding space and a leading '#' dropped; dashes where the id has them.</summary>
    public static string Normalise(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var hex = new string([.. typed.Trim().TrimStart('#').ToLowerInvariant().Where(c => c != '-')]);
        var builder = new System.Text.StringBuilder(hex.Length + 4);
        for (var i = 0; i < hex.Length; i++)
        {
            if (i is 8 or 12 or 16 or 20)
            {
                builder.Append('-');
            }

            builder.Append(hex[i]);
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="normalised"/> could start an id: hex digits (and dashes in their places), 6 or more digits.</summary>
    public static bool IsTypedPrefix(string normalised) =>
        normalised.Count(char.IsAsciiHexDigit) >= MinimumTyped && normalised.Length <= 36 && normalised.All(c => c == '-' || char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));

    private static int Common(string a, string? b)
    {
        if (b is null)
        {
            return 0;
        }

        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }
}
