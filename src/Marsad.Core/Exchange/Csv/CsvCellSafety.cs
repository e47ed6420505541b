using System.Globalization;

namespace Marsad.Core.Exchange.Csv;

/// <summary>
/// OWASP's rule against CSV formula injection, in every CSV Marsad writes: a text cell that starts with
/// <c>= + - @</c>, a tab or a carriage return gets a leading <c>'</c>, so a spreadsheet shows it as text instead of
/// running it. Numbers (<c>-3.5</c>) stay as they are. A cell that already starts with quotes and then one of those
/// characters gets one more quote, so <see cref="Unescape"/> can take exactly one off and every value comes back.
/// </summary>
public static class CsvCellSafety
{
    private const char Quote = '\'';

    public static string? Escape(string? value) => value is not null && NeedsQuote(value) ? Quote + value : value;

    /// <summary>What <see cref="Escape"/> wrote, given back: exactly the one quote it added is removed.</summary>
    public static string Unescape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 1 && value[0] == Quote && NeedsQuote(value[1..]) ? value[1..] : value;
    }

    private static bool NeedsQuote(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        if (IsTrigger(value[0]))
        {
            return !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        }

        var quotes = 0;
        while (quotes < value.Length && value[quotes] == Quote)
        {
            quotes++;
        }

        return quotes > 0 && quotes < value.Length && IsTrigger(value[quotes]);
    }

    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
