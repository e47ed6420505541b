using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Marsad.Domain.Common;
using Marsad.Extraction.Arabic;
using Marsad.Extraction.Assembly;
using Marsad.Extraction.Checks;
using Marsad.Extraction.Cleaning;
using Marsad.Extraction.Geography;
using Marsad.Extraction.Recognition.Actors;
using Marsad.Extraction.Recognition.Dates;
using Marsad.Extraction.Recognition.Negation;
using Marsad.Extraction.Recognition.Places;
using Marsad.Extraction.Recognition.Quantities;
using Marsad.Extraction.Segmentation;
using Marsad.Extraction.Text;

namespace Marsad.Extraction;

/// <summary>
/// Text in, <see cref="ExtractionResult"/> out: clean → segment → recognise → assemble → check. Holds only
/// immutable reference data, so one instance serves every thread; deterministic (ids derive from the text).
/// </summary>
public sealed class ExtractionEngine(IGeocoder geocoder, ActorLexicon actors)
{
    private readonly ArabicReader arabic = new(geocoder);

    /// <summary>Texts longer than this are refused with an error rather than tying up a worker.</summary>
    public const int MaxTextLength = 4 * 1024 * 1024;

    /// <summary>The steps one document may cost (<see cref="WorkBudget"/>): some hundred times what a real report of the limit's size needs.</summary>
    public const long DefaultStepBudget = 100_000_000;

    /// <summary>The engine the CLI runs: the shipped gazetteer with the user's places, and the actor lexicon.</summary>
    public ExtractionEngine()
        : this(GazetteerGeocoder.LoadDefault(), ActorLexicon.Default)
    {
    }

    /// <summary>The work budget of each document, in steps; a document past it gets an error, not a result.</summary>
    public long StepBudget { get; init; } = DefaultStepBudget;

    public ExtractionResult Extract(DocumentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sha = Sha256(input.Text ?? string.Empty);
        var id = input.Id ?? sha;
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            return ExtractionResult.Failed(id, "empty text");
        }

        if (input.Text.Length > MaxTextLength)
        {
            return ExtractionResult.Failed(id, $"text of {input.Text.Length} characters is longer than the limit of {MaxTextLength}");
        }

        if (LooksBinary(input.Text))
        {
            return ExtractionResult.Failed(id, "text looks binary (control characters or U+FFFD replacement characters)");
        }

        try
        {
            return Read(input, id, sha, new WorkBudget(StepBudget));
        }
        catch (WorkBudgetExceededException ex)
        {
            return ExtractionResult.Failed(id, ex.Message);
        }
    }

    private ExtractionResult Read(DocumentInput input, string id, string sha, WorkBudget budget)
    {
        budget.Spend(input.Text.Length, "cleaning the text");
        var clean = TextCleaner.Clean(input.Text);
        Guid Ids(string kind, int index) => DeterministicId(sha, kind, index);
        budget.Spend(clean.Text.Length, "reading Arabic paragraphs");
        // A document with source names reads through a geocoder that cannot see them (see SourceNameGuard).
        var guard = SourceNameGuard.For(input);
        var places = guard is null ? geocoder : new GuardedGeocoder(geocoder, guard);
        var reading = ArabicReading.Read(guard is null ? arabic : new ArabicReader(places), clean.Text, input.Published, Ids);
        if (reading.Language == LanguageDetector.Arabic && !reading.HasLatinParagraphs)
        {
            var arInfo = new DocumentInfo(input.Title ?? clean.Title, input.Published, input.Source, reading.Language, sha, clean.Text.Length, Undated: input.Published is null);
            return new ExtractionResult(id, arInfo, clean.Text, reading.Events, reading.Claims, reading.Persons, [], reading.Checks, []) { Undated = reading.Undated };
        }

        var doc = Analyse(places, guard, clean, input.Published, budget);
        var period = ReportPeriod(doc, input.Published);

        var events = EventAssembler.Assemble(doc, period, Ids);
        events.AddRange(reading.Events);
        var claims = ClaimAssembler.Assemble(doc, Ids);
        claims.AddRange(reading.Claims);
        var persons = PersonAssembler.Assemble(doc, Ids);
        persons.AddRange(reading.Persons);
        var allegations = AllegationAssembler.Assemble(doc, input.Published, Ids);
        var checks = FigureChecker.Check(doc, events);
        checks.AddRange(ClaimFigures.Check(doc, claims));
        checks.AddRange(reading.Checks);
        var info = new DocumentInfo(input.Title ?? clean.Title, input.Published, input.Source, reading.Language, sha, clean.Text.Length, Undated: input.Published is null);
        return new ExtractionResult(id, info, clean.Text, [.. events], [.. claims], [.. persons], [.. allegations], [.. checks], []) { Undated = reading.Undated, NotEvents = NotEventNotes(doc) };
    }

    // Consecutive sentences of one paragraph left out for the same reason are one passage.
    private static ImmutableArray<NotEventNote> NotEventNotes(DocumentFacts doc)
    {
        var notes = ImmutableArray.CreateBuilder<NotEventNote>();
        SentenceFacts? last = null;
        foreach (var (index, reason) in doc.NotEventSentences.OrderBy(x => x.Key))
        {
            var s = doc.Sentences[index];
            if (last is not null && notes.Count > 0 && notes[^1].Reason == reason && last.Sentence.Paragraph == s.Sentence.Paragraph && last.Sentence.Index + 1 == index)
            {
                notes[^1] = notes[^1] with { Evidence = new TextSpan(notes[^1].Evidence.Start, s.Sentence.End) };
            }
            else
            {
                notes.Add(new NotEventNote(reason, new TextSpan(s.Sentence.Start, s.Sentence.End)));
            }

            last = s;
        }

        return notes.ToImmutable();
    }

    private DocumentFacts Analyse(IGeocoder gazetteer, SourceNameGuard? guard, CleanText clean, DateOnly? published, WorkBudget budget)
    {
        var text = clean.Text;
        budget.Spend(text.Length, "splitting the text into words");
        var tokens = Tokenizer.Tokenize(text);
        budget.Spend(tokens.Length * 4L, "splitting sentences and finding place names");
        var view = new TokenView(text, tokens);
        var (paragraphs, sentences) = Segmenter.Split(text, tokens);
        var known = gazetteer.FindNames(text, tokens);
        var governorates = PlaceRecognizer.DocumentGovernorates(gazetteer, text, known);
        var governorate = governorates.Count == 1 ? governorates[0] : null;
        var knownPlaces = new KnownPlaces(known);
        var facts = new List<SentenceFacts>(sentences.Count);
        var textYear = published is null ? UnanchoredDates.LatestNamedYear(view) : null;
        var triggers = TriggerLexicon.Matcher;
        string? section = null; // the governorate of the last dateline ("Daraa province: ..."), holding until the next one
        foreach (var s in sentences)
        {
            var (from, to) = (s.FirstToken, s.EndToken);
            section = PlaceRecognizer.DatelineGovernorate(gazetteer, view, from, to) ?? section;
            // Eight recognisers read the sentence's tokens.
            budget.Spend((to - from) * 8L + 1, "recognising names, dates and counts");
            var actorMentions = ActorRecognizer.Find(actors, view, from, to);
            var places = NotPlaceNames.Without(view, PlaceRecognizer.Find(gazetteer, view, knownPlaces, from, to, section ?? governorate, governorates), actorMentions);
            // The wording alone ("in X town") also makes places the gazetteer does not know: a source's name is none of them.
            places.RemoveAll(p => guard?.Covers(text, p.Start, p.End) == true);
            facts.Add(new SentenceFacts(
                s,
                UnanchoredDates.Find(view, from, to, published, textYear),
                QuantityRecognizer.Find(view, from, to),
                actorMentions,
                places,
                triggers.FindAll(text, tokens, from, to),
                NegationDetector.Analyse(view, from, to)));
        }

        return new DocumentFacts(view, paragraphs, facts, published, clean.Title) { Budget = budget };
    }

    // The period a report covers: the first period it names ("during the last month"), else the month before publication,
    // else the month before the latest date the text gives with its year; unresolved when the text gives none.
    private static DateSpan ReportPeriod(DocumentFacts doc, DateOnly? published)
    {
        var named = doc.Sentences.SelectMany(s => s.Dates).FirstOrDefault(d => d.Kind == DateKind.Period);
        if (named is not null)
        {
            return named.Span;
        }

        var end = published ?? doc.Sentences.SelectMany(s => s.Dates).Where(d => !d.Span.IsUnresolved).Select(d => (DateOnly?)d.Span.End).Max();
        return end is { } e ? new DateSpan(e.AddMonths(-1), e, TimePrecision.Month) : DateSpan.Unresolved;
    }

    private static bool LooksBinary(string text)
    {
        var bad = 0;
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, 4096)))
        {
            if (c == '\uFFFD' || c == '\0' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')))
            {
                bad++;
            }
        }

        return bad > 0 && bad * 50 > Math.Min(text.Length, 4096) || text.Contains('\0', StringComparison.Ordinal);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    // The document's hash with the kind and index folded in: deterministic, distinct within a document, and
    // cheap (no second hash per record: ids are made for every event of every note).
    private static Guid DeterministicId(string sha, string kind, int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        Convert.FromHexString(sha.AsSpan(0, 32), bytes, out _, out _);
        var salt = ((ulong)(uint)Text.WordSet.Hash(kind) << 32) | (uint)(index + 1);
        var low = BitConverter.ToUInt64(bytes) ^ salt;
        BitConverter.TryWriteBytes(bytes, low);
        return new Guid(bytes);
    }
}
