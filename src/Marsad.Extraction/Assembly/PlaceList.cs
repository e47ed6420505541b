using Marsad.Domain.Common;
using Marsad.Extraction.Recognition.Places;
using Marsad.Extraction.Recognition.Quantities;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Assembly;

/// <summary>
/// The places an action falls on, when it falls on several: "shelled A, B and C in Y countryside" is one event per
/// place (ACLED's unit is an actor pair, a place and a day). The area a place lies in ("A in Jabal X", "B to the
/// south of C city"), governorates and regions, and roads, buildings or someone's origin are not targets of their own.
/// </summary>
internal static class PlaceList
{
    // The words between a place and the area or landmark it lies in: "X town in Y", "X, east of Y", "X to the south of Y".
    private static readonly WordSet ContainerGap = new("in", "of", "the", "to", "countryside", "eastern", "western", "northern", "southern", "north", "south", "east",
        "west", "rural", "town", "village", "city", "area", "desert", "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
        "north-western", "south-eastern", "south-western", "province", "governorate", "near", "outskirts", "vicinity", "surroundings", "within", "located");

    /// <summary>The distinct target places of the trigger sentences, in text order; fewer than two means no split.</summary>
    public static List<PlaceReference> Targets(TokenView view, IEnumerable<SentenceFacts> sentences)
    {
        var targets = new List<PlaceReference>();
        foreach (var s in sentences)
        {
            if (s.Triggers.Count == 0 || NotEvents.OnlyOverflights(view, s))
            {
                continue;
            }

            PlaceReference? previous = null;
            foreach (var r in s.Places)
            {
                var container = previous is not null && LiesIn(view, previous, r);
                previous = r;
                if (container || IsArea(r) || LocationPicker.IsRouteOrOrigin(view, r) || Trigger(view, s, r) is null)
                {
                    continue;
                }

                var key = NameKey(r.Name);
                if (!targets.Exists(t => NameKey(t.Name) == key))
                {
                    targets.Add(r);
                }
            }
        }

        return targets;
    }

    /// <summary>
    /// The counts that belong to one place of a list: those after it (or, for the first place, before it) in its own
    /// sentence up to the next listed place. A count in a sentence naming no listed place belongs to none.
    /// </summary>
    public static List<QuantityMention> CountsOf(PlaceReference place, IReadOnlyList<PlaceReference> targets, IEnumerable<SentenceFacts> sentences)
    {
        var own = new List<QuantityMention>();
        foreach (var s in sentences)
        {
            if (place.Start < s.Sentence.Start || place.Start >= s.Sentence.End)
            {
                continue;
            }

            var inSentence = targets.Where(t => t.Start >= s.Sentence.Start && t.Start < s.Sentence.End).ToList();
            var index = inSentence.IndexOf(place);
            var from = index == 0 ? s.Sentence.Start : place.Start;
            var to = index + 1 < inSentence.Count ? inSentence[index + 1].Start : s.Sentence.End;
            own.AddRange(s.Quantities.Where(q => q.Start >= from && q.Start < to));
        }

        return own;
    }

    /// <summary>
    /// What happened at a listed place: the nearest trigger before it in its sentence ("clashed in A, and shelled B and
    /// C" puts B and C under the shelling), else the first after it; null when the sentence has none that counts.
    /// </summary>
    public static Trigger? Trigger(TokenView view, SentenceFacts s, PlaceReference place)
    {
        var at = view.TokenAt(place.Start);
        Trigger? before = null;
        Trigger? after = null;
        foreach (var t in s.Triggers)
        {
            if (Recognition.Negation.NegationDetector.IsNegated(view, t.First, s.Sentence.FirstToken) || NotEvents.IsOverflight(view, s, t))
            {
                continue;
            }

            if (t.First < at)
            {
                before = t.Value;
            }
            else
            {
                after ??= t.Value;
            }
        }

        return before ?? after;
    }

    /// <summary>The sentence of the draft that holds a place.</summary>
    public static SentenceFacts? SentenceOf(IEnumerable<SentenceFacts> sentences, PlaceReference place) =>
        sentences.FirstOrDefault(s => s.Sentence.Start <= place.Start && place.Start < s.Sentence.End);

    /// <summary>The same place across spellings of the article and case: "al-Bara" and "Al Bara" are one.</summary>
    public static string NameKey(string? name)
    {
        var s = (name ?? string.Empty).ToLowerInvariant().Replace('-', ' ').Replace('\'', ' ').Replace('’', ' ');
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("al" or "el" or "ad" or "ash" or "as" or "ar" or "az" or "the" or "town" or "village" or "city"));
        return string.Concat(words);
    }

    private static bool IsArea(PlaceReference r) =>
        r.Precision == GeoPrecision.Region || r.NamesGovernorate || r.Location?.Precision == GeoPrecision.Region;

    // "X in Y", "X to the south of Y": Y is X's area or landmark, when only such words stand between them.
    private static bool LiesIn(TokenView view, PlaceReference previous, PlaceReference r)
    {
        var from = view.TokenAt(previous.End);
        var to = view.TokenAt(r.Start);
        if (to - from is < 1 or > 7)
        {
            return false;
        }

        var words = 0;
        for (var i = from; i < to; i++)
        {
            if (view.IsPunct(i, ','))
            {
                continue;
            }

            if (!view.IsAny(i, ContainerGap))
            {
                return false;
            }

            words++;
        }

        return words > 0;
    }
}
