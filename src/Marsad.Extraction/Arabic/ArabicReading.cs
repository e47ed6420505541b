using System.Collections.Immutable;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Extraction.Arabic;

/// <summary>What the Arabic paragraphs of a document gave: its language, the events, and which of them are undated.</summary>
public sealed record ArabicReading(string Language, bool HasLatinParagraphs, ImmutableArray<ConflictEvent> Events, ImmutableDictionary<Guid, string?> Undated)
{
    /// <summary>Statements by parties in the Arabic paragraphs, with an English gloss.</summary>
    public ImmutableArray<Claim> Claims { get; init; } = [];

    /// <summary>Named persons killed, injured, detained, abducted, missing or released.</summary>
    public ImmutableArray<Person> Persons { get; init; } = [];

    /// <summary>Figures of the Arabic text that disagree.</summary>
    public ImmutableArray<FigureCheck> Checks { get; init; } = [];

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

        Func<int, bool>? inArabic = latin ? at => arabic.Exists(p => at >= p.Start && at < p.End) : null;
        var tokens = ArabicTokenizer.Tokenize(text);
        var read = reader.Read(text, published, i => ids("ArabicEvent", i), inArabic, tokens);
        var undated = read.Where(e => e.Undated).ToImmutableDictionary(e => e.Event.Id, e => e.DateText);
        // An undated event carries the same unresolved date as an English one, so every reader of the result sees one form.
        var events = read.Select(e => e.Undated ? e.Event with { Date = Marsad.Domain.Common.DateSpan.Unresolved, DateText = e.DateText } : e.Event);
        var sentences = ArabicSentences.Split(tokens, text).Where(s => inArabic is null || inArabic(tokens[s.First].Start)).ToList();
        var headline = Headline(text, tokens, sentences);
        var body = headline is { } h ? sentences.Where(s => s.First >= h.End).ToList() : sentences;
        var found = ArabicClaims.Find(tokens, text, body);
        var claims = found.Select((c, i) => (c, ArabicClaims.ToClaim(c, tokens, ArabicClaims.Finding(tokens, body, c), ids("ArabicClaim", i)))).ToList();
        var persons = ArabicPersons.Find(tokens, text, body, i => ids("ArabicPerson", i));
        var checks = ArabicChecks.Check(text, tokens, read.Select(e => e.Event).ToList(), claims, headline);
        return new ArabicReading(LanguageDetector.Detect(text), latin, [.. events], undated)
        {
            Claims = [.. claims.Select(c => c.Item2)],
            Persons = [.. persons],
            Checks = [.. checks],
        };
    }

    // The first line is a headline when it is short, does not end a sentence, and more text follows: it sums the body up
    // (its figures are checked against the body's) and states nothing of its own.
    private static (int First, int End)? Headline(string text, ArabicToken[] tokens, List<(int First, int End)> sentences)
    {
        if (sentences.Count < 2)
        {
            return null;
        }

        var lineEnd = text.IndexOf('\n', tokens[sentences[0].First].Start);
        if (lineEnd < 0 || lineEnd - tokens[sentences[0].First].Start > 250)
        {
            return null;
        }

        var end = sentences[0].First;
        while (end < tokens.Length && tokens[end].End <= lineEnd)
        {
            end++;
        }

        return text.AsSpan(tokens[sentences[0].First].Start, lineEnd - tokens[sentences[0].First].Start).TrimEnd().EndsWith(".") || end == tokens.Length ? null : (sentences[0].First, end);
    }
}
