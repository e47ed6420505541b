using System.Globalization;
using System.Text;

namespace Marsad.Core.Events;

/// <summary>Where a page of events ended, in the listing order (start date, then id); opaque text for API clients.</summary>
public sealed record EventCursor(DateOnly Date, Guid Id)
{
    public static EventCursor Of(Domain.Events.ConflictEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EventCursor(e.Date.Start, e.Id);
    }

    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|" + Id.ToString("D"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static EventCursor? TryDecode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return null;
        }

        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|');
            return parts.Length == 2 && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && Guid.TryParse(parts[1], out var id)
                ? new EventCursor(date, id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
