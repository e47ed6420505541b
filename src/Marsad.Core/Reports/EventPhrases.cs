using System.Globalization;
using Marsad.Core.Analytics;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Reports;

/// <summary>
/// Sentences a reader can check against the events table: "7 convoys by X: 240 vehicles; on …; to …".
/// Everything said comes from the event's fields; nothing is guessed.
/// </summary>
public static class EventPhrases
{
    private static readonly (string Tag, string One, string Many, string? Quantity)[] Nouns =
    [
        ("convoy", "convoy", "convoys", "convoys"),
        ("joint operation", "joint security operation", "joint security operations", Quantities.Names.Operations),
        ("airstrike", "airstrike", "airstrikes", Quantities.Names.Strikes),
        ("drone", "drone strike", "drone strikes", Quantities.Names.Strikes),
        ("exercise", "military exercise", "military exercises", null),
        ("prisoner transfer", "prisoner transfer", "prisoner transfers", null),
        ("raid", "raid", "raids", Quantities.Names.Operations),
    ];

    public static string QuantityLabel(string name) => name switch
    {
        Quantities.Names.Fatalities => "killed",
        _ => name.Replace('_', ' '),
    };

    /// <summary>The event in one sentence; <paramref name="arabic"/> (for an event read from an Arabic report) adds each Arabic name beside its canonical one.</summary>
    public static string Describe(ConflictEvent e, Names.ArabicNames? arabic = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var c = CultureInfo.InvariantCulture;
        var noun = Nouns.FirstOrDefault(n => e.Tags.Contains(n.Tag, StringComparer.OrdinalIgnoreCase));
        var (one, many, countQuantity) = noun.Tag is null ? (LowerFirst(e.SubEventType.Label) + " event", LowerFirst(e.SubEventType.Label) + " events", null) : (noun.One, noun.Many, noun.Quantity);
        var count = countQuantity is not null && e.Quantities.TryGetValue(countQuantity, out var stated) && stated.Best is { } b ? b : e.Aggregate?.Incidents ?? 1;
        var text = new System.Text.StringBuilder(string.Create(c, $"{count} {(count == 1 ? one : many)}"));
        if (e.Actor1 is not null)
        {
            text.Append(" by ").Append(WithArabic(e.Actor1, arabic?.Actor1));
        }

        if (e.AssocActor1.Length > 0)
        {
            text.Append(" with ").Append(string.Join(", ", e.AssocActor1));
        }

        if (e.Actor2 is not null)
        {
            text.Append(" against ").Append(WithArabic(e.Actor2, arabic?.Actor2));
        }

        var figures = e.Quantities.Where(q => q.Key != countQuantity).Select(q => $"{QuantityRange.Of(q.Value)} {QuantityLabel(q.Key)}").ToList();
        if (figures.Count > 0)
        {
            text.Append(": ").Append(string.Join(", ", figures));
        }

        text.Append("; ").Append(Dates(e));
        var places = Places(e, arabic);
        if (places.Length > 0)
        {
            text.Append("; ").Append(e.Tags.Contains("convoy") ? "to " : "at ").Append(places);
        }

        return text.Append('.').ToString();
    }

    public static string Dates(ConflictEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Aggregate is { Dates.Length: > 0 } aggregate)
        {
            return "on " + string.Join(", ", aggregate.Dates.Select(Iso));
        }

        if (e.Date.IsUnresolved)
        {
            return Events.EventDates.Undated(e.DateText);
        }

        return e.Date.Start == e.Date.End ? "on " + Iso(e.Date.Start) : $"between {Iso(e.Date.Start)} and {Iso(e.Date.End)} (day not stated)";
    }

    /// <summary>The event's places; a single location with its Arabic name beside when <paramref name="arabic"/> has one.</summary>
    public static string Places(ConflictEvent e, Names.ArabicNames? arabic = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Aggregate is not { Places.Length: > 0 } && e.Location is { } only)
        {
            return PlaceName(only, arabic) ?? "";
        }

        var names = (e.Aggregate is { Places.Length: > 0 } a ? a.Places : [])
            .Select(l => PlaceName(l)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return string.Join(", ", names);
    }

    /// <summary>A canonical name with the Arabic one beside it in brackets ("Kafr Nobol (كفرنبل)"); the name alone without one.</summary>
    public static string WithArabic(string name, string? arabic) =>
        arabic is null || string.Equals(name, arabic, StringComparison.Ordinal) ? name : $"{name} ({arabic})";

    /// <summary>A location's name and governorate; with <paramref name="arabic"/>, the gazetteer's name with the Arabic report's beside it.</summary>
    public static string? PlaceName(Location location, Names.ArabicNames? arabic = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        var name = arabic?.Location is { } written ? WithArabic(arabic.PlaceCanonical ?? location.Name ?? written, written)
            : location.Name ?? location.Admin2 ?? location.Admin1;
        return location.Admin1 is { } admin1 && name is not null && !Names.PlaceLine.Same(name, admin1)
            && location.Precision != GeoPrecision.Region ? $"{name} ({admin1})" : name;
    }

    public static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    private static string LowerFirst(string label) => char.ToLowerInvariant(label[0]) + label[1..];

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
