using Marsad.Extraction.Recognition.Actors;
using Marsad.Extraction.Recognition.Dates;
using Marsad.Extraction.Recognition.Negation;
using Marsad.Extraction.Recognition.Places;
using Marsad.Extraction.Recognition.Quantities;
using Marsad.Extraction.Segmentation;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Assembly;

/// <summary>Everything the recognisers found in one sentence.</summary>
public sealed record SentenceFacts(
    Sentence Sentence,
    IReadOnlyList<DateMention> Dates,
    IReadOnlyList<QuantityMention> Quantities,
    IReadOnlyList<ActorMention> Actors,
    IReadOnlyList<PlaceReference> Places,
    IReadOnlyList<PhraseMatch<Trigger>> Triggers,
    SentenceStance Stance);
