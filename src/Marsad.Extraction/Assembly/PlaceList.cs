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
        var keys = new HashSet<string>(StringComparer.Ordinal); // a set, not a scan of the list: a list of 100k places stays linear
        foreach (var s in sentences)
        {
            if (s.Triggers.Count == 0 || NotEvents.OnlyOverflights(view, s))
            {
                continue;
            }

            PlaceReference? previous = null;
            foreach (var r in s.Places)
            {
                var container = previous is not null && (LiesIn(view, previous, r) || SamePlaceOrPair(view, previous, r));
                previous = r;
                if (container || IsArea(r) || LocationPicker.IsRouteOrOrigin(view, r) || Trigger(view, s, r) is null)
                {
                    continue;
                }

                if (keys.Add(NameKey(r.Name)))
                {
                    targets.Add(r);
                }
            }
        }

        return targets;
    }

    /// <summary>
    /// For each target, in order: the sentence of <paramref name="sentences"/> (in text order, disjoint) that holds it,
    /// and the counts that belong to it there: those after it (or, for the first place, before it) in its own sentence
    /// up to the next listed place. Found by binary search, so a sentence listing thousands of places stays n log n.
    /// </summary>
    public static List<(SentenceFacts? Sentence, List<QuantityMention> Counts)> Split(IReadOnlyList<PlaceReference> targets, IReadOnlyList<SentenceFacts> sentences)
    {
        var holder = new int[targets.Count];
        var inSentence = new Dictionary<int, List<int>>();
        for (var k = 0; k < targets.Count; k++)
        {
            holder[k] = Holding(sentences, targets[k].Start);
            if (holder[k] >= 0)
            {
                if (!inSentence.TryGetValue(holder[k], out var list))
                {
                    inSentence[holder[k]] = list = [];
                }

                list.Add(k);
            }
        }

        var ordered = new Dictionary<int, bool>();
        var result = new List<(SentenceFacts?, List<QuantityMention>)>(targets.Count);
        for (var k = 0; k < targets.Count; k++)
        {
            if (holder[k] < 0)
            {
                result.Add((null, []));
                continue;
            }

            var s = sentences[holder[k]];
            var list = inSentence[holder[k]];
            var index = list.BinarySearch(k);
            var from = index == 0 ? s.Sentence.Start : targets[k].Start;
            var to = index + 1 < list.Count ? targets[list[index + 1]].Start : s.Sentence.End;
            if (!ordered.TryGetValue(holder[k], out var sorted))
            {
                ordered[holder[k]] = sorted = InTextOrder(s.Quantities);
            }

            result.Add((s, Within(s.Quantities, sorted, from, to)));
        }

        return result;
    }

    private static bool InTextOrder(IReadOnlyList<QuantityMention> quantities)
    {
        for (var i = 1; i < quantities.Count; i++)
        {
            if (quantities[i - 1].Start > quantities[i].Start)
            {
                return false;
            }
        }

        return true;
    }

    // The index of the sentence holding a character offset, or -1.
    private static int Holding(IReadOnlyList<SentenceFacts> sentences, int offset)
    {
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var sentence = sentences[mid].Sentence;
            if (offset < sentence.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= sentence.End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    // The quantities starting in [from, to), in their order: by binary search when they are in text order (as the recogniser gives them).
    private static List<QuantityMention> Within(IReadOnlyList<QuantityMention> quantities, bool sorted, int from, int to)
    {
        if (!sorted)
        {
            return quantities.Where(q => q.Start >= from && q.Start < to).ToList();
        }

        int lo = 0, hi = quantities.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (quantities[mid].Start < from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var own = new List<QuantityMention>();
        for (var i = lo; i < quantities.Count && quantities[i].Start < to; i++)
        {
            own.Add(quantities[i]);
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

    /// <summary>
    /// The kind of attack that fell on a listed place: the nearest remote-violence or clash trigger before it in its sentence,
    /// else the first after it. A bare "targeted" or "attacked" says nothing of the weapon, so in "bombed posts, while a rocket
    /// strike targeted bases in A and B" the rocket, not the bombing, is what hit A and B. Null when the sentence names none.
    /// </summary>
    public static Trigger? AttackKind(TokenView view, SentenceFacts s, PlaceReference place)
    {
        var at = view.TokenAt(place.Start);
        Trigger? before = null;
        Trigger? after = null;
        foreach (var t in s.Triggers)
        {
            if (t.Value.Class is not (TriggerClass.Remote or TriggerClass.Clash) || (t.First >= at && after is not null)
                || Recognition.Negation.NegationDetector.IsNegated(view, t.First, s.Sentence.FirstToken) || NotEvents.IsOverflight(view, s, t))
            {
                continue;
            }

            if (t.First < at)
            {
                before = t.Value;
            }
            else
            {
                after = t.Value;
            }
        }

        return before ?? after;
    }

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
    private static readonly WordSet PlaceKindWords = new("town", "village", "city", "area", "neighbourhood", "neighborhood", "district", "the");

    // "Al-Malikiyah/Dayrik": two names of one place. "between A city and B town": one incident on the stretch between them
    // (ACLED codes it once, at the first name), not two.
    private static bool SamePlaceOrPair(TokenView view, PlaceReference previous, PlaceReference r)
    {
        var from = view.TokenAt(previous.End);
        var to = view.TokenAt(r.Start);
        if (to - from == 1 && view.IsPunct(from, '/'))
        {
            return true;
        }

        if (to - from is < 1 or > 3)
        {
            return false;
        }

        var and = false;
        for (var i = from; i < to; i++)
        {
            if (view.Is(i, "and"))
            {
                and = true;
            }
            else if (!view.IsAny(i, PlaceKindWords))
            {
                return false;
            }
        }

        var before = view.TokenAt(previous.Start) - 1;
        while (view.Is(before, "the"))
        {
            before--;
        }

        return and && view.Is(before, "between");
    }

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
