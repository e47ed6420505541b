using System.Globalization;
using System.Text.RegularExpressions;
using Marsad.Core.Review.PlainValues;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Review;

/// <summary>One thing about a proposal that looks wrong, for the coder to check: the field it concerns and what to look at.</summary>
public sealed record ReviewWarning(string Field, string Message);

/// <summary>
/// What the workbench flags on an event proposal before a coder accepts it (terminal and web alike): an undated document,
/// a date after the document or long before it, no place or a place with no point, a place outside every governorate the
/// passage names, a fatality count the passage does not state, an aggregate whose stated incidents and listed dates
/// disagree. Warnings never block a decision; they say where the engine is most often wrong.
/// </summary>
public sealed partial class ReviewWarnings(PlainPlace? places = null)
{
    /// <summary>Reports are written within days of what they describe; an event dated further back is worth a second look.</summary>
    public const int DaysBeforePublication = 31;

    // A point this close to a governorate's edge counts as in it: boundaries and gazetteer points are both approximate.
    private const double EdgeToleranceKm = 10;

    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

    private readonly PlainPlace gazetteer = places ?? PlainPlace.Default;

    public static ReviewWarnings Default { get; } = new();

    /// <summary>Warnings for one proposal; <paramref name="text"/> is its document's clean text (evidence spans point into it).</summary>
    public IReadOnlyList<ReviewWarning> For(ReviewItem item, DateOnly? published, string? text)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Record is not ConflictEvent e)
        {
            return [];
        }

        var warnings = new List<ReviewWarning>();
        if (item.DocumentId is not null && published is null)
        {
            warnings.Add(new("date", "the document is undated: the event's date cannot be checked against it"));
        }
        else if (e.Date.IsUnresolved)
        {
            warnings.Add(new("date", "the event is undated: the passage gives no date that resolves"));
        }
        else if (published is { } day)
        {
            if (e.Date.Start > day)
            {
                warnings.Add(new("date", $"dated {e.Date.Start:yyyy-MM-dd}, after the document was published ({day:yyyy-MM-dd})"));
            }
            else if (day.DayNumber - e.Date.End.DayNumber > DaysBeforePublication)
            {
                warnings.Add(new("date", string.Create(CultureInfo.InvariantCulture, $"dated {day.DayNumber - e.Date.End.DayNumber} days before the document ({day:yyyy-MM-dd}): is it a past incident recalled?")));
            }
        }

        var passage = text is null ? null : Passage(text, item.Evidence);
        if (e.Location is null)
        {
            warnings.Add(new("location", "no place: the event will not be on the map"));
        }
        else if (e.Location.Point is null)
        {
            warnings.Add(new("location", $"'{e.Location.Name}' has no point: the event will not be on the map"));
        }
        else if (passage is not null && OutsideNamedGovernorates(e.Location, passage) is { } named)
        {
            warnings.Add(new("location", $"{Where(e.Location)} is in {e.Location.Admin1 ?? "another governorate"}, but the passage names {named}"));
        }

        if (passage is not null && e.Quantities.TryGetValue(Quantities.Names.Fatalities, out var dead) && dead.Best is { } n && n > 0 && !States(passage, n))
        {
            warnings.Add(new("fatalities", string.Create(CultureInfo.InvariantCulture, $"{n} killed, but the passage does not state {n}")));
        }

        if (e.Aggregate is { Dates.Length: > 0 } a && a.Dates.Length != a.Incidents)
        {
            warnings.Add(new("aggregate", string.Create(CultureInfo.InvariantCulture, $"{a.Incidents} incidents stated, {a.Dates.Length} dates listed: split it?")));
        }

        return warnings;
    }

    /// <summary>The paragraphs the evidence lies in (the whole text when there is no evidence).</summary>
    public static string Passage(string text, Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(evidence);
        var spans = evidence.Spans.Values.Where(s => s.End <= text.Length).ToList();
        if (spans.Count == 0)
        {
            return text;
        }

        var start = text.LastIndexOf("\n\n", Math.Max(0, spans.Min(s => s.Start) - 1), StringComparison.Ordinal);
        var end = text.IndexOf("\n\n", spans.Max(s => s.End), StringComparison.Ordinal);
        return text[Math.Max(0, start)..(end < 0 ? text.Length : end)];
    }

    /// <summary>The governorates the passage names, when the place lies in or near none of them; null otherwise.</summary>
    private string? OutsideNamedGovernorates(Location location, string passage)
    {
        var boundaries = gazetteer.Boundaries;
        var named = boundaries.Areas.Where(a => a.Level == 1 && a.AllNames.Any(n => n.Length > 2 && Names(passage, n))).ToList();
        if (named.Count == 0 || named.Any(a => boundaries.IsInOrNear(a, location.Point!, EdgeToleranceKm)))
        {
            return null;
        }

        return string.Join(" and ", named.Select(a => a.NameEn));
    }

    private static bool Names(string passage, string name) =>
        Regex.IsMatch(passage, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Whether the passage states the number, in digits (Latin or Arabic-Indic) or, up to twenty, in English words.</summary>
    private static bool States(string passage, int n)
    {
        var latin = string.Concat(passage.Select(c => c is >= '\u0660' and <= '\u0669' ? (char)('0' + (c - '\u0660')) : c));
        if (Digits().Matches(latin).Any(m => m.Value.Replace(",", "", StringComparison.Ordinal) == n.ToString(CultureInfo.InvariantCulture)))
        {
            return true;
        }

        return n < NumberWords.Length && Names(passage, NumberWords[n]);
    }

    [GeneratedRegex(@"\d[\d,]*")]
    private static partial Regex Digits();

    // A place given only as a point has no name: say it by its coordinates.
    private static string Where(Location place) =>
        !string.IsNullOrWhiteSpace(place.Name) ? $"'{place.Name}'"
        : place.Point is { } p ? string.Create(CultureInfo.InvariantCulture, $"the point {p.Latitude:0.####}, {p.Longitude:0.####}")
        : "the place";
}
