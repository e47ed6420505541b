using Marsad.Extraction.Recognition.Actors;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Recognition.Places;

/// <summary>
/// A name is a place only when nothing reads it better: an actor or operations room the lexicon knows ("Al-Fath
/// Al-Mubin"), a number word ("Nine"), a vehicle ("Hummer"), or a country or city abroad ("Tehran") that a Syrian
/// gazetteer would otherwise match to a namesake or a near spelling. A place the sentence denies ("to Iraq, not to
/// al-Tanf base as was claimed", "rather than Manbij") is not where anything happened there either.
/// </summary>
public static class NotPlaceNames
{
    private static readonly WordSet GroupWords = new("faction", "factions", "brigade", "brigades", "battalion", "battalions", "division", "divisions", "movement",
        "militia", "militias", "regiment", "corps", "legion", "squadron");
    private static readonly WordSet NameIntroducers = new("aka", "a.k.a", "named", "nicknamed", "dubbed", "called", "surnamed", "alias");
    private static readonly HashSet<string> Vehicles = new(StringComparer.OrdinalIgnoreCase) {"hummer", "humvee", "humvees", "hummers", "bmp", "toyota", "hilux", "pickup", "pick-up", "bradley", "abrams", "leopard", "t-72", "t-55", "t-62", "t-90", "shilka", "dushka", "motorcycle", "motorbike", "bulldozer" };
    private static readonly HashSet<string> Abroad = new(StringComparer.OrdinalIgnoreCase) {
        "iraq", "iran", "turkey", "türkiye", "lebanon", "jordan", "israel", "russia", "egypt", "yemen", "libya", "ukraine", "america", "usa", "europe",
        "tehran", "baghdad", "ankara", "istanbul", "moscow", "beirut", "amman", "washington", "cairo", "riyadh", "doha", "erbil", "mosul", "kirkuk",
        "sulaymaniyah", "gaziantep", "hatay", "antakya", "urfa", "sanliurfa", "kilis", "mersin", "adana", "tel aviv", "jerusalem", "golan heights", "sinjar", "qaim", "al-qaim" };

    /// <summary>The references in a sentence without those that an actor mention covers or that name no place.</summary>
    public static List<PlaceReference> Without(TokenView view, List<PlaceReference> places, IReadOnlyList<ActorMention> actors)
    {
        var starts = new HashSet<int>(places.Select(p => view.TokenAt(p.Start)));
        places.RemoveAll(p => actors.Any(a => a.Start < p.End && p.Start < a.End) || IsNotPlace(view, p) || IsGivenName(view, p, starts));
        return places;
    }

    private static readonly WordSet LocativeWords = new("in", "at", "near", "into", "towards", "toward", "on", "from", "around", "outside");
    private static readonly WordSet PlaceKinds = new("village", "town", "city", "area", "villages", "towns", "neighbourhood", "neighborhood");
    private static readonly WordSet Kunyas = new("abu", "abo", "umm", "um", "abi");

    /// <summary>
    /// "Saleh Al-Arouri", "Abu Bakr Al-Baghdadi": a short name the gazetteer knows, followed straight by a capitalised
    /// "Al-" family name that is no place, is a person's given name, unless a locative word ("in", "near") puts it as a place.
    /// </summary>
    private static bool IsGivenName(TokenView view, PlaceReference p, HashSet<int> placeStarts)
    {
        var first = view.TokenAt(p.Start);
        var end = view.TokenAt(p.End);
        if (end - first > 2 && !view.IsAny(first, Kunyas))
        {
            return false;
        }

        return view.IsCapitalised(end) && view.Is(end, "al") && view.IsCapitalised(end + 1) && !placeStarts.Contains(end)
               && !view.IsAny(first - 1, LocativeWords) && !view.IsAny(first - 1, PlaceKinds) && !(view.Is(first - 1, "of") && view.IsAny(first - 2, PlaceKinds));
    }

    // The tokens of a person's name (words and hyphens) that may stand before a later word the gazetteer knows ("Abu Karim Al-Mayadin").
    private const int MaxNameTokens = 6;

    private static bool IsIntroducer(TokenView view, int i) =>
        view.IsAny(i, NameIntroducers) || (view.Is(i, "as") && view.IsAny(i - 1, ["known", "identified", "named"]));

    private static bool IsNotPlace(TokenView view, PlaceReference p)
    {
        var first = view.TokenAt(p.Start);
        var last = view.TokenAt(p.End) - 1;
        if (first == last && NumberWords.TryCardinal(view.Text, view.Tokens, first, out _, out _))
        {
            return true;
        }

        // "known as “Abu X”", "aka X", "named X": a person's name or nickname.
        var before = first - 1;
        while (before >= 0 && view.Tokens[before].Kind == TokenKind.Punctuation && first - before <= 2)
        {
            before--;
        }

        // "not to X", "not in X", "rather than X", "instead of X": the sentence says the event was not there.
        if ((view.IsAny(before, ["to", "in", "at", "into", "from", "towards"]) && view.Is(before - 1, "not"))
            || (view.Is(before, "than") && view.Is(before - 1, "rather")) || (view.Is(before, "of") && view.Is(before - 1, "instead")))
        {
            return true;
        }

        // "known as Abu X": the recogniser may have taken the article-like "as" into the name.
        if (IsIntroducer(view, before) || (view.Is(first, "as") && !view.IsCapitalised(first) && IsIntroducer(view, first)))
        {
            return true;
        }

        // "known as “Abdullah Al-Mayadin”", "aka Abu Karim Al-Bab": a later word of an introduced name is no place either.
        var head = first - 1;
        while (head >= 0 && first - head <= MaxNameTokens && (view.IsCapitalised(head) || view.IsPunct(head, '-')))
        {
            head--;
        }

        if (head < first - 1)
        {
            var introducer = head;
            while (introducer >= 0 && view.Tokens[introducer].Kind == TokenKind.Punctuation && head - introducer < 2)
            {
                introducer--;
            }

            if (IsIntroducer(view, introducer))
            {
                return true;
            }
        }

        // "“Soqour Al-Shamal” factions", "the Hamza Division": a name that a word for an armed group follows names the group.
        // The gazetteer may know only the name's first word ("Soqour"): the rest of the name, a hyphen or a closing quote may stand between.
        var after = last + 1;
        while (after < view.Tokens.Length && after - last <= MaxNameTokens && !view.IsPunct(after, ',') && !view.IsPunct(after, '.')
               && (view.Tokens[after].Kind == TokenKind.Punctuation || view.IsCapitalised(after)))
        {
            after++;
        }

        if (view.IsAny(after, GroupWords))
        {
            return true;
        }

        return Vehicles.Contains(p.Name) || Abroad.Contains(p.Name) || (p.Name.StartsWith("al-", StringComparison.OrdinalIgnoreCase) && Abroad.Contains(p.Name[3..]));
    }
}
