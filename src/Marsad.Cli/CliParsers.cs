using System.CommandLine.Parsing;
using System.Globalization;

namespace Marsad.Cli;

/// <summary>Argument parsers with error messages that say what was expected.</summary>
internal static class CliParsers
{
    public static DateOnly? Date(ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"'{token}' is not a date in the form YYYY-MM-DD");
        return null;
    }
}
