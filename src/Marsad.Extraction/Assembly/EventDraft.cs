using Marsad.Extraction.Segmentation;

namespace Marsad.Extraction.Assembly;

/// <summary>The sentences that report one incident, before they become an event; paragraphs may be merged into it.</summary>
internal sealed class EventDraft(Paragraph paragraph)
{
    public List<SentenceFacts> Sentences { get; } = [];

    public Paragraph LastParagraph { get; set; } = paragraph;
}
