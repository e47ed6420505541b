using Marsad.Core.Events;

namespace Marsad.Core.Exchange.Formats;

/// <summary>How a column of a dataset's format relates to Marsad's model.</summary>
public enum ColumnKind
{
    /// <summary>A model field: the source's text is written back while it still means the model's value (an edit wins).</summary>
    Modelled,

    /// <summary>Not in the model (or only guessed from it, like ACLED's inter codes): the source's value is written back as it came.</summary>
    Kept,
}

/// <summary>
/// One column of an exchange format: its name, how its value is derived from an event, and how the text a
/// source wrote is compared with the model's (<see cref="Normalize"/>: "02 June 2023" and "2023-06-02" are one date).
/// </summary>
public sealed record ExchangeColumn(string Name, ColumnKind Kind, Func<EventListItem, string?> Derive, Func<string, string>? Normalize = null)
{
    /// <summary>
    /// The value to write: for an event imported from <paramref name="dataset"/>, the source's own text where it
    /// was kept and (for a model field) still means what the model holds; otherwise what the model gives.
    /// </summary>
    public string? Value(EventListItem item, string dataset)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Event.Origin is not { } origin || origin.Dataset != dataset || !origin.Fields.TryGetValue(Name, out var raw))
        {
            return Derive(item);
        }

        if (Kind == ColumnKind.Kept)
        {
            return raw;
        }

        var derived = Derive(item);
        if (string.Equals(raw, derived, StringComparison.Ordinal))
        {
            // The same text means the same value: no need to read both as dates or numbers.
            return raw;
        }

        var normalize = Normalize ?? (s => s.Trim());
        return normalize(raw) == normalize(derived ?? "") ? raw : derived;
    }
}
