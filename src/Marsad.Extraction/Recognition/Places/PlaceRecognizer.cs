using Marsad.Domain.Common;
using Marsad.Extraction.Geography;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Recognition.Places;

/// <summary>
/// Place references in a sentence: names the geocoder knows, and names the wording marks as places although the
/// geocoder does not know them ("in the village of X", "in X town"). Reads "near X", "X countryside",
/// "eastern countryside of Y" and "in X in Y countryside" into the <see cref="PlaceQuery"/> it resolves.
/// </summary>
public static class PlaceRecognizer
{
    private static readonly WordSet PlaceNouns = new("town", "village", "city", "towns", "villages", "area", "neighbourhood", "neighborhood", "district", "camp", "hills", "hill", "axis", "front", "base", "field", "airport", "checkpoint", "desert", "farms", "plain", "subdistrict", "suburb", "outskirts");
    private static readonly WordSet RegionNouns = new("countryside", "desert", "province", "governorate", "region", "countrysides", "badia", "outskirts");
    private static readonly WordSet NearWords = new("near", "around", "outskirts", "vicinity", "close", "east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest", "between", "surroundings", "frontline", "axis", "outside");
    private static readonly WordSet PlacePrepositions = new("in", "near", "of", "at");
    private static readonly WordSet NearFillers = new("of", "the", "to", "in", "on", "areas", "area");
    private static readonly WordSet WithinWords = new("in", "of", "the", "countryside", "eastern", "western", "northern", "southern", "north", "south", "east", "west", "rural", "town", "village", "city", "area", "desert", "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
        "north-western", "south-eastern", "south-western", "province", "governorate", "near", "outskirts", "vicinity", "within");
    // Arabic adjectives that follow a place's name to tell it from a namesake: eastern, western, northern, southern, big, small, lower, upper, new, old.
    private static readonly WordSet Modifiers = new("sharqi", "sharqia", "sharqiya", "sharqiyah", "sharki", "gharbi", "gharbia", "gharbiya", "gharbiyah", "shamali", "shamaliya",
        "shamaliyah", "janoubi", "janubi", "janoubiya", "janubiyah", "kabir", "kabira", "kbir", "saghir", "saghira", "sghir", "tahtani", "tahtaniya", "fawqani", "foqani", "fouqani",
        "jadid", "jadida", "jadidah", "qadim", "qadima", "wastani", "awsat");
    private static readonly WordSet NameParticles = new("al", "el", "ad", "ash", "as", "ar", "az", "ez", "es", "bin", "ibn", "abu", "um", "umm", "tal", "tell");
    private static readonly WordSet NotPlaceWords = new("The", "Syrian", "Islamic", "Turkish", "Russian", "Iranian", "Kurdish", "Coalition", "International", "Military", "Regime", "SDF", "QSD", "ISIS", "IS", "HTS", "YPG", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Operation");

    /// <summary>
    /// Every governorate the document's names point to, in the order first named: a governorate's name, or a name the text
    /// calls a province ("Al-Suwaidaa province", in a spelling the governorate list lacks).
    /// </summary>
    public static IReadOnlyList<string> DocumentGovernorates(IGeocoder geocoder, string text, IReadOnlyList<PlaceMatch> known)
    {
        ArgumentNullException.ThrowIfNull(geocoder);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(known);
        var found = new List<string>();
        foreach (var m in known)
        {
            var admin1 = geocoder.GovernorateNamed(m.Text)
                         ?? (NextWordIsProvince(text, m.End) ? geocoder.Resolve(new PlaceQuery(m.Text, GeoPrecision.Region))?.Admin1 : null);
            if (admin1 is not null && !found.Contains(admin1))
            {
                found.Add(admin1);
            }
        }

        return found;
    }

    private static bool NextWordIsProvince(string text, int at)
    {
        var i = at;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        var span = text.AsSpan(i);
        return span.StartsWith("province", StringComparison.OrdinalIgnoreCase) || span.StartsWith("governorate", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The governorate a dateline opening tokens [from, to) names: "Deir Ezzor province: ...", "Idlib governorate: ...".
    /// A report with one section per governorate names several, so the document-wide governorate is null, yet each
    /// section's places lie in its own dateline's governorate. Null when the sentence opens with no such dateline.
    /// </summary>
    public static string? DatelineGovernorate(IGeocoder geocoder, TokenView view, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(geocoder);
        ArgumentNullException.ThrowIfNull(view);
        for (var colon = from + 2; colon < to && colon <= from + 6; colon++)
        {
            if (view.IsPunct(colon, ':'))
            {
                return view.IsAny(colon - 1, ["province", "governorate"]) && view.IsCapitalised(from)
                    ? geocoder.GovernorateNamed(view.Slice(from, colon - 1)) ?? geocoder.Resolve(new PlaceQuery(view.Slice(from, colon - 1), GeoPrecision.Region))?.Admin1
                    : null;
            }
        }

        return null;
    }

    public static List<PlaceReference> Find(IGeocoder geocoder, TokenView view, IReadOnlyList<PlaceMatch> known, int from, int to, string? documentGovernorate = null) =>
        Find(geocoder, view, new KnownPlaces(known), from, to, documentGovernorate);

    /// <summary>The place references of tokens [from, to), with the document's known names indexed once for all its sentences.</summary>
    public static List<PlaceReference> Find(IGeocoder geocoder, TokenView view, KnownPlaces known, int from, int to, string? documentGovernorate = null,
        IReadOnlyList<string>? documentGovernorates = null)
    {
        ArgumentNullException.ThrowIfNull(geocoder);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(known);
        var spans = new List<(int First, int End)>();
        if (from >= to)
        {
            return [];
        }

        // Which tokens of [from, to] a span already covers: one array lookup instead of a scan of every span so far,
        // so a sentence listing 100,000 places stays linear.
        var covered = new bool[to - from + 1];
        void Add((int First, int End) span)
        {
            spans.Add(span);
            Cover(span);
        }

        void Cover((int First, int End) span)
        {
            for (var t = Math.Max(span.First, from); t < Math.Min(span.End, to + 1); t++)
            {
                covered[t - from] = true;
            }
        }

        bool Covered(int token) => token >= from && token <= to ? covered[token - from] : spans.Exists(s => s.First <= token && token < s.End);

        var startChar = view.Tokens[from].Start;
        var endChar = view.Tokens[to - 1].End;
        // "Salah al-Ghab": two known names with nothing between them are one name the gazetteer does not hold as a whole
        // (a misspelling, a compound). Read apart, the first ("Salah") would match a short namesake elsewhere in the country;
        // read together, the name stands for its last part ("al-Ghab") when the whole is unknown.
        var tails = new Dictionary<int, int>();
        foreach (var m in known.Within(startChar, endChar))
        {
            var first = view.TokenAt(m.Start);
            var end = view.TokenAt(m.End);
            // Only words of a name join: a known name ending in a lower-case word ("Khirbet in") has run into the sentence,
            // and a governorate after a name places it ("X Idlib"), it does not extend it.
            if (spans.Count > 0 && spans[^1].End == first && view.IsCapitalised(first - 1) && geocoder.GovernorateNamed(m.Text) is null)
            {
                var head = spans[^1].First;
                spans[^1] = (head, end);
                Cover((head, end));
                tails[head] = first;
                continue;
            }

            Add((first, end));
        }

        // Places the geocoder does not know, marked by the wording: "in X town", "the village of X".
        for (var i = from; i < to; i++)
        {
            if (view.IsAny(i, PlacePrepositions) && view.IsCapitalised(i + 1) && !Covered(i + 1))
            {
                var end = NameEnd(view, i + 1, to);
                var marked = view.IsAny(end, PlaceNouns) || view.IsAny(i - 1, PlaceNouns) || view.IsAny(i, ["near"]) || view.IsAny(end, RegionNouns)
                             || (view.Is(end, "in") && RegionWithin(view, end + 1, to));
                if (end > i + 1 && marked && !IsNotPlace(view, i + 1, end))
                {
                    Add((i + 1, end));
                }
            }
            else if (view.IsAny(i, PlacePrepositions) && view.Is(i + 1, "the") && view.IsCapitalised(i + 2) && !Covered(i + 2))
            {
                // "near the X gas field", "at the X airport": a facility named after no town is still where it happened.
                var end = NameEnd(view, i + 2, to);
                if (end > i + 2 && FacilityAt(view, end) && !IsNotPlace(view, i + 2, end))
                {
                    Add((i + 2, end));
                }
            }
        }

        // A list may open with a name the geocoder does not know: "shelled areas in X, Y and Z" with only Y known.
        // The head counts when a place preposition stands right before it and only a comma between it and the known item.
        foreach (var span in spans.ToList())
        {
            if (ListHead(view, span, from, Covered) is { } head)
            {
                Add(head);
            }
        }

        spans.Sort((a, b) => a.First.CompareTo(b.First));

        // A list continues a place: "in Al-Falaha, al-Shuhayl and Zar, Abu al-Nitel": each item is a place too. Each
        // item found follows the span it continues and may itself be continued (a chain, built in one pass).
        var listed = new List<(int First, int End)>(spans.Count);
        foreach (var span in spans)
        {
            var current = span;
            listed.Add(current);
            while (ListContinues(view, current, to, Covered) is { } item)
            {
                listed.Add(item);
                Cover(item);
                current = item;
            }
        }

        spans = listed;

        // The name a compound stands for as an area ("X in Salah al-Ghab" lies in al-Ghab) when the whole is unknown.
        var areaNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (head, tail) in tails)
        {
            var whole = spans.Find(x => x.First == head);
            var wholeName = view.Slice(whole.First, whole.End);
            if (geocoder.Resolve(new PlaceQuery(wholeName, GeoPrecision.Region)) is null)
            {
                // "Al-Karak Al-Sharqi" (eastern Karak) is a kind of its head; "Salah al-Ghab" (the plain of al-Ghab) is named after its tail.
                areaNames[wholeName] = view.IsAny(whole.End - 1, Modifiers) ? view.Slice(head, tail) : view.Slice(tail, whole.End);
            }
        }

        string? AreaName(string? name) => name is not null && areaNames.TryGetValue(name, out var part) ? part : name;

        var listWithin = SharedArea(view, spans, to);
        var refs = new List<PlaceReference>(spans.Count);
        for (var k = 0; k < spans.Count; k++)
        {
            var (first, end) = spans[k];
            var name = view.Slice(first, end);
            var precision = view.IsAny(end, RegionNouns) || (view.Is(first - 1, "of") && view.IsAny(first - 2, RegionNouns))
                ? GeoPrecision.Region
                : IsNear(view, first) ? GeoPrecision.NearPlace : GeoPrecision.Place;
            var within = AreaName(listWithin[k] ?? Within(view, spans, k, to));
            var location = geocoder.Resolve(new PlaceQuery(name, precision, within));
            if (location is null && areaNames.TryGetValue(name, out var part))
            {
                location = geocoder.Resolve(new PlaceQuery(part, GeoPrecision.Region, within));
            }

            var namesGovernorate = location?.Precision != GeoPrecision.Region && !view.Is(end, "city") && !view.IsSequence(first - 2, ["city", "of"]) && geocoder.GovernorateNamed(name) is not null;
            refs.Add(new PlaceReference(view.Tokens[first].Start, view.Tokens[end - 1].End, name, precision, within, location, namesGovernorate));
        }

        return WithinNamedGovernorate(geocoder, refs, documentGovernorate, documentGovernorates);
    }

    private static (int First, int End)? ListHead(TokenView view, (int First, int End) span, int from, Func<int, bool> covered)
    {
        var end = span.First - 1;
        if (!view.IsPunct(end, ','))
        {
            return null;
        }

        var first = end;
        while (first - 1 >= from && end - first < 4 && (view.IsCapitalised(first - 1) || (view.IsAny(first - 1, NameParticles) && first < end)) && !covered(first - 1))
        {
            first--;
        }

        if (first == end || first - 1 < from || !(view.IsAny(first - 1, PlacePrepositions) || view.Is(first - 1, "on")) || IsNotPlace(view, first, end))
        {
            return null;
        }

        return (first, end);
    }

    private static (int First, int End)? ListContinues(TokenView view, (int First, int End) span, int to, Func<int, bool> covered)
    {
        var next = span.End;
        while (next < to && (view.IsPunct(next, ',') || view.Is(next, "and")))
        {
            next++;
        }

        if (next > span.End && next < to && (view.IsCapitalised(next) || (view.IsAny(next, ["al", "el", "ad", "ash"]) && view.IsCapitalised(next + 1)))
            && !covered(next))
        {
            var end = NameEnd(view, next, to);
            if (end > next && !IsNotPlace(view, next, end))
            {
                return (next, end);
            }
        }

        return null;
    }

    // "clashes in X ... in Hama": a sentence (else a report) that names one governorate puts its other places in it, unless the wording
    // already placed them; a place that has no namesake there keeps the reading it had.
    //
    // Where the sentence (else the report) names several governorates, a place outside them all moves to its namesake in
    // one of them; with no namesake there, a name the gazetteer knows only by a looser spelling ("Tal Bakir" for a "Tal
    // Baqar" 300 km off) is a guess the text contradicts, so the reference keeps its name and loses the location.
    private static List<PlaceReference> WithinNamedGovernorate(IGeocoder geocoder, List<PlaceReference> refs, string? documentGovernorate, IReadOnlyList<string>? documentGovernorates)
    {
        var governorates = refs.Where(r => r.Location?.Precision == GeoPrecision.Region && r.Location.Admin2 is null && r.Location.Admin1 is not null)
            .Select(r => r.Location!.Admin1!).Distinct(StringComparer.Ordinal).ToList();
        if (governorates.Count == 0 && documentGovernorate is not null)
        {
            governorates.Add(documentGovernorate); // the report names it in another sentence
        }

        // A report naming several governorates, none in this sentence, bounds its places without saying which holds each:
        // no namesake is moved, only a loose spelling outside them all is given up.
        var onlyBounds = false;
        if (governorates.Count == 0 && documentGovernorates is { Count: > 0 })
        {
            governorates.AddRange(documentGovernorates);
            onlyBounds = true;
        }

        if (governorates.Count == 0)
        {
            return refs;
        }

        for (var k = 0; k < refs.Count; k++)
        {
            var r = refs[k];
            // A governorate itself is named by the text, never a guess.
            if (r.WithinArea is not null || r.Location?.Admin1 is not { } admin1 || governorates.Contains(admin1) || r.Location.Admin2 is null)
            {
                continue;
            }

            var moved = false;
            foreach (var g in onlyBounds ? [] : governorates)
            {
                if (geocoder.Resolve(new PlaceQuery(r.Name, r.Precision, g)) is { } inside)
                {
                    refs[k] = r with { Location = inside, WithinArea = g };
                    moved = true;
                    break;
                }
            }

            if (!moved && !geocoder.KnowsExactly(r.Name))
            {
                refs[k] = r with { Location = null };
            }
        }

        return refs;
    }

    private static bool RegionWithin(TokenView v, int from, int to)
    {
        for (var k = from; k < to && k < from + 5; k++)
        {
            if (v.IsAny(k, RegionNouns))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNear(TokenView v, int first)
    {
        for (var k = first - 1; k >= first - 3 && k >= 0; k--)
        {
            if (v.IsAny(k, NearWords))
            {
                return true;
            }

            if (!v.IsAny(k, NearFillers))
            {
                return false;
            }
        }

        return false;
    }

    // "A, B and C in Y countryside": the area named after a list holds every item of it, not only the last. Walked from the
    // end, so each item takes the area of the item after it when only a comma or "and" stands between them.
    private static string?[] SharedArea(TokenView v, List<(int First, int End)> spans, int to)
    {
        var shared = new string?[spans.Count];
        for (var k = spans.Count - 2; k >= 0; k--)
        {
            var next = shared[k + 1] ?? Within(v, spans, k + 1, to);
            if (next is null || !OnlyListGlue(v, spans[k].End, spans[k + 1].First))
            {
                continue;
            }

            shared[k] = next;
        }

        return shared;
    }

    private static bool OnlyListGlue(TokenView v, int from, int to)
    {
        if (to - from is < 1 or > 2)
        {
            return false;
        }

        for (var i = from; i < to; i++)
        {
            if (!v.Is(i, "and") && !v.IsPunct(i, ','))
            {
                return false;
            }
        }

        return true;
    }

    // "X in Y countryside", "X in eastern countryside of Y", "X, east of Y": Y is the area X lies in.
    private static string? Within(TokenView v, List<(int First, int End)> spans, int k, int to)
    {
        if (k + 1 >= spans.Count)
        {
            return null;
        }

        var (_, end) = spans[k];
        var next = spans[k + 1];
        var gap = next.First - end;
        if (gap is < 1 or > 6)
        {
            return null;
        }

        for (var i = end; i < next.First; i++)
        {
            // "to the south of Y" places X; a bare "to" ("from X to Y") does not.
            if (!v.IsAny(i, WithinWords) && !v.IsPunct(i, ',') && !(v.Is(i, "to") && v.Is(i + 1, "the")))
            {
                return null;
            }
        }

        return next.End <= to ? v.Slice(next.First, next.End) : null;
    }

    private static readonly WordSet FacilityNouns = new("field", "fields", "airport", "base", "dam", "station", "refinery", "plant", "crossing", "prison");
    private static readonly WordSet FacilityKinds = new("gas", "oil", "military", "power", "border", "water", "pumping", "thermal", "central");

    // A facility's noun after its name, with at most one word of its kind between: "gas field", "airport", "power station".
    private static bool FacilityAt(TokenView v, int k) => v.IsAny(k, FacilityNouns) || (v.IsAny(k, FacilityKinds) && v.IsAny(k + 1, FacilityNouns));

    private static int NameEnd(TokenView v, int i, int to)
    {
        var k = i;
        while (k < to && k < i + 5 && (v.IsCapitalised(k) || (v.IsAny(k, NameParticles) && v.IsCapitalised(k + 1))))
        {
            k++;
        }

        return k;
    }

    // Capitalised words after "in"/"of" that are not places: months, actors' generic words, days.
    private static bool IsNotPlace(TokenView v, int first, int end) =>
        Dates.CalendarWordsAccess.IsMonth(v[first]) || v.IsAny(first, NotPlaceWords);
}
