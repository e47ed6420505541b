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

    /// <summary>A dispatch is a single-paragraph report of one incident (an ACLED note, a news brief).</summary>
    public bool IsDispatch => Paragraphs.Count(p => !p.IsHeading) <= 1;

    public IEnumerable<SentenceFacts> In(Paragraph paragraph) =>
        Sentences.Skip(paragraph.FirstSentence).Take(paragraph.SentenceCount);
}
