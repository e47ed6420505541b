using System.Collections.Immutable;
using Marsad.Domain.Events;

namespace Marsad.Extraction.Arabic;

/// <summary>What the Arabic paragraphs of a document gave: its language, the events, and which of them are undated.</summary>
public sealed record ArabicReading(string Language, bool HasLatinParagraphs, ImmutableArray<ConflictEvent> Events, ImmutableDictionary<Guid, string?> Undated)
{
    /// <summary>
    /// Detects the document's language (the majority of its letters) and its paragraphs' languages, and reads the
    /// Arabic paragraphs; an English document reads to nothing here.
    /// </summary>
    public static ArabicReading Read(ArabicReader reader, string text, DateOnly? published, Func<string, int, Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(ids);
        var paragraphs = LanguageDetector.Paragraphs(text);
        var arabic = paragraphs.Where(p => p.Language == LanguageDetector.Arabic).ToList();
        var latin = paragraphs.Any(p => p.Language == LanguageDetector.English && p.End - p.Start > 40);
        if (arabic.Count == 0)
        {
            return new ArabicReading(LanguageDetector.English, latin, [], ImmutableDictionary<Guid, string?>.Empty);
        }

        var read = reader.Read(text, published, i => ids("ArabicEvent", i), latin ? at => arabic.Exists(p => at >= p.Start && at < p.End) : null);
        var undated = read.Where(e => e.Undated).ToImmutableDictionary(e => e.Event.Id, e => e.DateText);
        // An undated event carries the same unresolved date as an English one, so every reader of the result sees one form.
        var events = read.Select(e => e.Undated ? e.Event with { Date = Marsad.Domain.Common.DateSpan.Unresolved, DateText = e.DateText } : e.Event);
        return new ArabicReading(LanguageDetector.Detect(text), latin, [.. events], undated);
    }
}
