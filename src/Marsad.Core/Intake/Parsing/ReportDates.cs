using System.Globalization;

namespace Marsad.Core.Intake.Parsing;

/// <summary>Publication dates as the publisher wrote them: the calendar date in the stated zone, never converted.</summary>
internal static class ReportDates
{
    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>An ISO 8601 date or date-time ("2024-03-05", "2024-03-05T23:10:00-05:00"), else any invariant-culture date; null when neither.</summary>
    public static DateOnly? ParseIsoOrLoose(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length >= 10 && text[4] == '-' && text[7] == '-')
        {
            // The date part alone: converting "23:30-05:00" to UTC or local time would move the report to the next day.
            var datePart = text.AsSpan(0, 10);
            var separatorOk = text.Length == 10 || text[10] is 'T' or 't' or ' ';
            return separatorOk && DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)
                ? iso
                : null;
        }

        // DateTimeOffset.DateTime is the clock time as written, whatever the offset.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var loose)
            ? DateOnly.FromDateTime(loose.DateTime)
            : null;
    }

    /// <summary>
    /// An RFC 822 / RFC 2822 date as RSS uses it ("Tue, 05 Mar 2024 14:30:00 GMT", "5 Mar 24 14:30 +0300"), with a named or numeric zone;
    /// feeds that put an ISO date in pubDate are accepted too. Null when the value is not a date.
    /// </summary>
    public static DateOnly? ParseRfc822(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            // The day name is optional and, when present, redundant.
            text = text[(comma + 1)..];
        }

        var parts = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 3 or > 5)
        {
            return ParseIsoOrLoose(value);
        }

        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || MonthNumber(parts[1]) is not { } month
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return ParseIsoOrLoose(value);
        }

        if (parts[2].Length == 2)
        {
            // RFC 2822 section 4.3: two-digit years below 50 are in the 2000s.
            year += year < 50 ? 2000 : 1900;
        }
        else if (parts[2].Length != 4)
        {
            return null;
        }

        if ((parts.Length >= 4 && !IsTime(parts[3])) || (parts.Length == 5 && !IsZone(parts[4])))
        {
            return null;
        }

        return year is >= 1 and <= 9999 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    private static int? MonthNumber(string token)
    {
        if (token.Length < 3)
        {
            return null;
        }

        var index = Array.IndexOf(MonthNames, token[..3].ToLowerInvariant());
        return index < 0 ? null : index + 1;
    }

    private static bool IsTime(string token)
    {
        var fields = token.Split(':');
        if (fields.Length is < 2 or > 3)
        {
            return false;
        }

        int[] limits = [23, 59, 60];
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].Length != 2
                || !int.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || n > limits[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsZone(string token)
    {
        if (token[0] is '+' or '-')
        {
            var digits = token[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            return digits.Length == 4 && digits.All(char.IsAsciiDigit);
        }

        // RFC 822 names (GMT, UT, EST ... and military letters) plus the many abbreviations feeds use in practice (CET, EEST):
        // the date is taken as written, so the zone only has to look like one.
        return token.Length <= 5 && token.All(char.IsAsciiLetter);
    }
}
