using Marsad.Domain.Events;

namespace Marsad.Core.Grading;

/// <summary>
/// Airwars' grade of an event from what reports it: confirmed when a party accepted responsibility,
/// contested when its reports blame different perpetrators, fair with two or more independent sources,
/// weak with one. "Discounted" is an editor's judgement and is never computed.
/// </summary>
public static class EventGrader
{
    /// <summary>The tag extraction or a coder puts on an event whose perpetrator claimed it.</summary>
    public const string ResponsibilityClaimedTag = "responsibility claimed";

    /// <param name="e">The event to grade.</param>
    /// <param name="sources">Distinct sources behind the event (independent outlets or networks).</param>
    /// <param name="attributions">The perpetrator (actor1) each merged report named, where it named one.</param>
    public static (Grade Grade, string Reason) Grade(ConflictEvent e, IReadOnlyCollection<string> sources, IReadOnlyCollection<string> attributions)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Grade(e.Tags, e.Actor1, sources, attributions);
    }

    /// <param name="tags">The event's tags.</param>
    /// <param name="actor1">The event's perpetrator, if named.</param>
    /// <param name="sources">Distinct sources behind the event (independent outlets or networks).</param>
    /// <param name="attributions">The perpetrator (actor1) each merged report named, where it named one.</param>
    public static (Grade Grade, string Reason) Grade(IReadOnlyCollection<string> tags, string? actor1, IReadOnlyCollection<string> sources, IReadOnlyCollection<string> attributions)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(attributions);
        if (tags.Contains(ResponsibilityClaimedTag))
        {
            return (Domain.Events.Grade.Confirmed, $"{actor1 ?? "a party"} accepted responsibility");
        }

        var perpetrators = attributions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (perpetrators.Count > 1)
        {
            return (Domain.Events.Grade.Contested, $"reports blame different parties: {string.Join(", ", perpetrators)}");
        }

        return sources.Count >= 2
            ? (Domain.Events.Grade.Fair, $"{sources.Count} independent sources: {string.Join(", ", sources.Order(StringComparer.Ordinal))}")
            : (Domain.Events.Grade.Weak, sources.Count == 1 ? $"a single source: {sources.First()}" : "no source on record");
    }
}
