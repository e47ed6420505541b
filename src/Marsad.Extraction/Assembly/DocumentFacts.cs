using Marsad.Domain.Common;
using Marsad.Extraction.Recognition.Places;
using Marsad.Extraction.Segmentation;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Assembly;

/// <summary>One document after cleaning, segmentation and recognition: the input of every assembler.</summary>
public sealed record DocumentFacts(
    TokenView View,
    IReadOnlyList<Paragraph> Paragraphs,
    IReadOnlyList<SentenceFacts> Sentences,
    DateOnly? Published,
    string? Title)
{
    public string Text => View.Text;

    /// <summary>What the document may still cost: every assembler charges the steps it takes.</summary>
    public WorkBudget Budget { get; init; } = new(ExtractionEngine.DefaultStepBudget);

    // The document-wide answers below are asked once per paragraph or event: each is computed once, on first use, so
    // a report of 47,000 paragraphs costs 47,000 steps, not 47,000 squared. (Nothing makes a DocumentFacts "with" changes.)
    private bool? isDispatch;
    private (bool Known, Location? Area) fallback;
    private (bool Known, PlaceReference? Reference) governorate;
    private Dictionary<int, string>? notEvents;

    /// <summary>Sentences (by index) that are statistics, breakdown lines, overflights or postures, with why (<see cref="NotEvents.Find"/>).</summary>
    public IReadOnlyDictionary<int, string> NotEventSentences => notEvents ??= NotEvents.Find(this);

    /// <summary>Whether a sentence is left out of events (<see cref="NotEventSentences"/>).</summary>
    public bool IsNotEvent(SentenceFacts s) => NotEventSentences.ContainsKey(s.Sentence.Index);

    /// <summary>A dispatch is a single-paragraph report of one incident (an ACLED note, a news brief).</summary>
    public bool IsDispatch => isDispatch ??= Paragraphs.Count(p => !p.IsHeading || IsListItem(p)) <= 1;

    /// <summary>"• Two airstrikes on X", "- 13 civilians": an item of a breakdown (not ended like a sentence, yet no heading).</summary>
    public bool IsListItem(Paragraph p)
    {
        var text = Text.AsSpan(p.Start, p.End - p.Start).TrimStart();
        return text.Length > 0 && text[0] is '•' or '-' or '*' or '–' or '·' or '▪';
    }

    /// <summary>The document's first resolved place as a region-precision stand-in (<see cref="LocationPicker.Fallback"/>).</summary>
    public Location? FallbackArea
    {
        get
        {
            if (!fallback.Known)
            {
                fallback = (true, LocationPicker.Fallback(Sentences.SelectMany(s => s.Places)));
            }

            return fallback.Area;
        }
    }

    /// <summary>The one governorate the document names, or null (<see cref="LocationPicker.NamedGovernorate"/>).</summary>
    public PlaceReference? NamedGovernorate
    {
        get
        {
            if (!governorate.Known)
            {
                governorate = (true, LocationPicker.NamedGovernorate(Sentences.SelectMany(s => s.Places)));
            }

            return governorate.Reference;
        }
    }

    private Dictionary<string, Location?>? governorateAreas;

    /// <summary>
    /// The document's own reference to a governorate, by its admin1 name or by the words that name it ("Idlib countryside"),
    /// at region precision; null when the document names no such governorate.
    /// </summary>
    public Location? GovernorateArea(string? name)
    {
        if (name is null)
        {
            return null;
        }

        governorateAreas ??= [];
        if (!governorateAreas.TryGetValue(name, out var area))
        {
            var bare = Geography.QueryName.Clean(name, GeoPrecision.Region).Name;
            var r = Sentences.SelectMany(s => s.Places).FirstOrDefault(p => p.Location is { Point: not null, Admin2: null, Precision: GeoPrecision.Region } l
                && (l.Admin1 == name || string.Equals(p.Name, bare, StringComparison.OrdinalIgnoreCase)));
            governorateAreas[name] = area = r?.Location;
        }

        return area;
    }

    public IEnumerable<SentenceFacts> In(Paragraph paragraph) =>
        Sentences.Skip(paragraph.FirstSentence).Take(paragraph.SentenceCount);
}
