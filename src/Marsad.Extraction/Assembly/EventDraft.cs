using Marsad.Extraction.Segmentation;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Assembly;

/// <summary>
/// The sentences that report one incident, before they become an event; paragraphs may be merged into it. It keeps
/// its typing decision as sentences are added, so asking whether the next paragraph continues it costs nothing more
/// as it grows (a report of thousands of continuing paragraphs stays linear).
/// </summary>
internal sealed class EventDraft(Paragraph paragraph, TokenView view)
{
    private readonly List<SentenceFacts> sentences = [];
    private readonly EventTyping.Fold typing = new(view);

    public IReadOnlyList<SentenceFacts> Sentences => sentences;

    public Paragraph LastParagraph { get; set; } = paragraph;

    /// <summary>
    /// For an item of a breakdown ("• three airstrikes on X"): the paragraph that introduced the list, whose actors and
    /// day the item shares when it names none of its own; null otherwise.
    /// </summary>
    public EventDraft? Lede { get; init; }

    /// <summary>Items of a breakdown point at this draft as their <see cref="Lede"/>.</summary>
    public bool HasItems { get; set; }

    public void Add(IEnumerable<SentenceFacts> added)
    {
        foreach (var s in added)
        {
            sentences.Add(s);
            typing.Add(s);
        }
    }

    /// <summary>What <see cref="EventTyping.Decide"/> says over <see cref="Sentences"/>.</summary>
    public (TriggerClass Class, Domain.Events.AcledSubEventType? SubType, IReadOnlyList<string> Tags) Typing() => typing.Result();
}
