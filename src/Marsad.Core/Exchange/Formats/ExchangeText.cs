using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Exchange.Formats;

/// <summary>How values are written to and read from the exchange formats: one rule each, shared by every format.</summary>
public static class ExchangeText
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd MMMM yyyy", "d MMMM yyyy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-ddTHH:mm:ss"];

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The first day of the event's date, or nothing for an undated event (never the 0001-01-01 mark).</summary>
    public static string? Start(ConflictEvent e) => e.Date.IsUnresolved ? null : Iso(e.Date.Start);

    /// <summary>The last day of the event's date, or nothing for an undated event.</summary>
    public static string? End(ConflictEvent e) => e.Date.IsUnresolved ? null : Iso(e.Date.End);

    public static string? Year(ConflictEvent e) => e.Date.IsUnresolved ? null : Integer(e.Date.Start.Year);

    /// <summary>ACLED's time precision code; an undated event has none.</summary>
    public static string? Precision(ConflictEvent e) => e.Date.IsUnresolved ? null : Integer((int)e.Date.Precision);

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The shortest text that reads back as the same double.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string? Number(double? value) => value is { } v ? Number(v) : null;

    public static bool TryDate(string text, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        return TryCommonDate(trimmed, out date)
            || DateOnly.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>
    /// The two forms nearly every row has, "2023-06-02" and "2 June 2023" (month name as written in English), read
    /// without the culture-aware parser, which compared month names with the culture's rules on every row of an
    /// export. Whatever this accepts the parser reads as the same day; anything else goes to the parser.
    /// </summary>
    private static bool TryCommonDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        int year, month, day;
        if (text.Length == 10 && text[4] == '-' && text[7] == '-')
        {
            year = Digits(text[..4]);
            month = Digits(text.Slice(5, 2));
            day = Digits(text.Slice(8, 2));
        }
        else
        {
            var first = text.IndexOf(' ');
            var last = text.LastIndexOf(' ');
            if (first is < 1 or > 2 || last != text.Length - 5 || last <= first + 1)
            {
                return false;
            }

            day = Digits(text[..first]);
            year = Digits(text[(last + 1)..]);
            month = Month(text[(first + 1)..last]);
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    private static int Month(ReadOnlySpan<char> name)
    {
        for (var m = 0; m < MonthNames.Length; m++)
        {
            if (name.SequenceEqual(MonthNames[m]))
            {
                return m + 1;
            }
        }

        return 0;
    }

    /// <summary>The number the ASCII digits make, or -1 when there is anything else.</summary>
    private static int Digits(ReadOnlySpan<char> text)
    {
        var value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }

    public static bool TryInteger(string text, out int value) => int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>A date in any accepted form, as ISO; text that is not a date stays as it is.</summary>
    public static string SameDate(string text) => TryDate(text, out var d) ? Iso(d) : text.Trim();

    /// <summary>A number in any form, as its shortest round-trip text; other text stays as it is.</summary>
    public static string SameNumber(string text) => TryNumber(text, out var n) ? Number(n) : text.Trim();

    /// <summary>A list as "a; b", however it was spaced.</summary>
    public static string SameList(string text) => string.Join("; ", Split(text));

    public static IReadOnlyList<string> Split(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Join(IEnumerable<string> items) => string.Join("; ", items);

    public static string? Count(ConflictEvent e, Func<Quantity, int?> pick) =>
        e.Quantities.TryGetValue(Quantities.Names.Fatalities, out var q) && pick(q) is { } n ? Integer(n) : null;

    /// <summary>
    /// The event id of a dataset's row: the same row always gets the same id (a name-based UUID, RFC 9562 version 8
    /// over SHA-256), so a re-import finds what an earlier one stored without an index of source ids.
    /// </summary>
    public static Guid StableId(string dataset, string rowId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(dataset + "\n" + rowId), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
