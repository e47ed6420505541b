using Marsad.Domain.Events;
using Marsad.Extraction.Arabic;

namespace Marsad.Core.Names;

/// <summary>
/// The names shown side by side for an event (review and event pages, map popups, reports): each actor's usual Arabic
/// name from the Arabic lexicon beside its canonical (ACLED) name, and the place as the Arabic report wrote it (the
/// location's own name when it is in Arabic, else the words its evidence covers, an attached preposition taken off)
/// beside the gazetteer's name of the place (<see cref="PlaceCanonical"/>). The stored values do not change; this is for reading.
/// </summary>
public sealed record ArabicNames(string? Actor1, string? Actor2, string? Location, string? PlaceCanonical = null)
{
    /// <summary>
    /// The names for <paramref name="e"/>: the place only when it is written in Arabic (its name, or <paramref name="documentText"/>,
    /// the text its evidence points into); <paramref name="gazetteerName"/> gives a place id's own name. Null when there is none.
    /// </summary>
    public static ArabicNames? Of(ConflictEvent e, string? documentText, Func<string?, string?>? gazetteerName = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var place = e.Location?.Name is { } own && LanguageDetector.Detect(own) == LanguageDetector.Arabic ? own : PlaceAsWritten(e, documentText);
        var canonical = place is null ? null : gazetteerName?.Invoke(e.Location?.PlaceId);
        var names = new ArabicNames(ArabicActors.ArabicNameOf(e.Actor1), ArabicActors.ArabicNameOf(e.Actor2), place, canonical);
        return names is { Actor1: null, Actor2: null, Location: null } ? null : names;
    }

    private static string? PlaceAsWritten(ConflictEvent e, string? text)
    {
        if (text is null || !e.Evidence.Spans.TryGetValue("location", out var span) || span.End > text.Length || span.Start >= span.End)
        {
            return null;
        }

        if (LanguageDetector.Detect(text.AsSpan(span.Start, span.End - span.Start)) != LanguageDetector.Arabic)
        {
            return null;
        }

        var name = ArabicPlaces.NameAsWritten(text, span.Start, span.End);
        return name.Length == 0 ? null : name;
    }
}
