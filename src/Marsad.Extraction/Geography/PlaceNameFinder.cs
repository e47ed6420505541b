using System.Collections.Frozen;

namespace Marsad.Extraction.Geography;

/// <summary>
/// Finds the spans of a text that name gazetteer places: at each word, the longest run of up to
/// <see cref="MaxWords"/> words (joined by spaces or hyphens only) whose strict key is in the index.
/// A Latin name must start with a capital letter (articles aside: "al-Hasakah" is fine) and may not end
/// with an article; English words that happen to be place names are left out, and so are the common
/// first words of names standing alone ("Tel", "Deir", "Abu"). Where the wording says a place follows
/// ("village of Al-Falaha", "in Rmilan") or the name carries the Arabic article, a spelling the index
/// only knows loosely (same consonants, close letters) is taken too.
/// </summary>
internal sealed class PlaceNameFinder(Gazetteer gazetteer)
{
    private const int MaxWords = 6;
    private const int MinKeyLength = 3;

    // Capitalised English words (sentence starts, titles) that are also the key of some small place.
    private static readonly FrozenSet<string> EnglishWords = FrozenSet.ToFrozenSet(
        ["the", "on", "in", "of", "and", "for", "from", "with", "by", "to", "at", "after", "during", "near", "north", "south", "east", "west",
         "city", "town", "village", "army", "forces", "regime", "state", "islamic", "police", "local", "border", "camp", "military", "base",
         "airport", "syria", "syrian", "turkey", "turkish", "iraq", "iran", "russia", "russian", "israel", "lebanon", "jordan", "american", "coalition",
         "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "one", "two", "three", "all", "also", "this", "that",
         "there", "their", "they", "his", "her", "its", "our", "new", "old", "upper", "lower", "central", "eastern", "western", "northern", "southern",
         "unknown", "several", "number", "members", "casualties", "fatalities", "killed", "clashes", "attack",
         "iraqi", "iranian", "kurdish", "kurdistan", "arab", "arabs", "british", "french", "lebanese", "jordanian", "israeli", "turkmen", "ottoman", "islam", "muslim", "christian",
         "hayat", "hayyat", "tahrir", "jaysh", "jaish", "liwa", "ahrar", "faylaq", "jabhat", "ansar", "jund", "harakat", "katibat", "saraya", "firqat", "wosta"],
        StringComparer.Ordinal);

    // Words after which a capitalised name is a place ("in", "village of", "and" in a list of places).
    private static readonly FrozenSet<string> Cues = FrozenSet.ToFrozenSet(
        ["in", "of", "near", "at", "from", "to", "into", "towards", "toward", "around", "outside", "between", "and", "village", "villages", "town", "towns",
         "city", "area", "areas", "countryside", "outskirts", "vicinity", "desert", "camp", "base", "field", "neighbourhood", "neighborhood", "district"],
        StringComparer.OrdinalIgnoreCase);

    // Keys of the words that begin many names; alone they name nothing in particular.
    private static readonly FrozenSet<string> NameHeads = FrozenSet.ToFrozenSet(
        ["tal", "ayn", "dayr", "kafr", "abu", "um", "jabal", "bayt", "khirbat", "shaykh", "mazraa", "bin", "ras", "wadi", "bir", "tala", "kasr", "jisr", "sahl", "hay", "suk"],
        StringComparer.Ordinal);

    // A name followed by one of these, or inside an armed group's name, names the group: "Hamza Division",
    // "Khalid ibn al Walid Army", "Ahrar al-Sham", "Hayat Tahrir al-Sham".
    private static readonly FrozenSet<string> GroupTails = FrozenSet.ToFrozenSet(
        ["division", "brigade", "brigades", "army", "battalion", "battalions", "corps", "regiment", "front", "militia", "militias", "movement", "faction",
         "factions", "group", "shield", "legion", "tribe", "clan", "family", "forces", "falcons", "lions", "revolutionaries", "operation"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> GroupHeads = FrozenSet.ToFrozenSet(
        ["ahrar", "tahrir", "jaysh", "jaish", "liwa", "liwaa", "faylaq", "jabhat", "ansar", "jund", "harakat", "katibat", "saraya", "suqour", "suqur", "firqat",
         "tajammu", "usud", "fursan", "quwat", "thuwar", "ibn", "bin"],
        StringComparer.OrdinalIgnoreCase);

    private const int MinLooseKeyLength = 5;

    public IReadOnlyList<PlaceMatch> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = NameTokenizer.Tokenize(text);
        var keys = new string[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            keys[i] = NameKey.TokenKey(text.AsSpan(tokens[i].Start, tokens[i].Length));
        }

        var matches = new List<PlaceMatch>();
        for (var i = 0; i < tokens.Count;)
        {
            var inList = matches.Count > 0 && ListContinues(text, matches[^1].End, tokens[i].Start);
            var length = LongestNameAt(text, tokens, keys, i, inList);
            if (length == 0)
            {
                i++;
                continue;
            }

            var start = tokens[i].Start;
            var end = tokens[i + length - 1].End;
            if (!NamesAGroup(text, tokens, keys, i, i + length - 1))
            {
                matches.Add(new PlaceMatch(start, end, text[start..end]));
            }

            i += length;
        }

        return matches;
    }

    private int LongestNameAt(string text, List<NameToken> tokens, string[] keys, int first, bool inList)
    {
        var head = FirstContentWord(keys, first, tokens.Count);
        if (head < 0 || !StartsName(text, tokens[head]))
        {
            return 0;
        }

        var last = first;
        while (last + 1 < tokens.Count && last + 1 - first < MaxWords && JoinedInName(text, tokens[last], tokens[last + 1]))
        {
            last++;
        }

        for (var end = last; end >= head; end--)
        {
            if (keys[end].Length == 0)
            {
                continue; // a name does not end with an article
            }

            var key = NameKey.Join(keys.AsSpan(first, end - first + 1));
            if (key.Length >= MinKeyLength && !IsEnglishWord(text, tokens, first, end) && !NameHeads.Contains(key) && gazetteer.Index.ContainsKey(key))
            {
                return end - first + 1;
            }
        }

        return inList || PlaceIsExpected(text, tokens, keys, first) ? LooseNameAt(text, tokens, keys, first, last) : 0;
    }

    private int LooseNameAt(string text, List<NameToken> tokens, string[] keys, int first, int last)
    {
        for (var end = last; end >= first; end--)
        {
            if (keys[end].Length == 0 || !StartsName(text, tokens[end]) || IsEnglishWord(text, tokens, end, end))
            {
                continue; // every word of a loosely matched name is capitalised and none is English
            }

            var words = text[tokens[first].Start..tokens[end].End];
            if (NameKey.Of(words).Length >= MinLooseKeyLength && Enumerable.Range(first, end - first + 1).All(i => keys[i].Length == 0 || StartsName(text, tokens[i]))
                && gazetteer.Index.Tiers(words).Take(2).Any(t => t.Any(m => m.Score >= NameIndex.CloseScore)))
            {
                return end - first + 1;
            }
        }

        return 0;
    }

    private static bool NamesAGroup(string text, List<NameToken> tokens, string[] keys, int first, int last)
    {
        var previous = first - 1;
        while (previous >= 0 && keys[previous].Length == 0 && first - previous <= 2)
        {
            previous--; // skip the article in "Ahrar al-Sham"
        }

        return (last + 1 < tokens.Count && GroupTails.Contains(Word(text, tokens[last + 1])))
               || (previous >= 0 && GroupHeads.Contains(Word(text, tokens[previous])));
    }

    private static string Word(string text, NameToken token) => text.Substring(token.Start, token.Length);

    // "al-Hasakah, Koniko and Al-Omar": a name right after a found one, joined by a comma or "and", is in the same list.
    private static bool ListContinues(string text, int previousEnd, int start)
    {
        var gap = text.AsSpan(previousEnd, start - previousEnd).Trim();
        return start - previousEnd <= 6 && (gap is "," or "and" or ", and" or "or" or "/" or "&");
    }

    private static bool PlaceIsExpected(string text, List<NameToken> tokens, string[] keys, int first) =>
        keys[first].Length == 0 || (first > 0 && Cues.Contains(text.Substring(tokens[first - 1].Start, tokens[first - 1].Length)));

    private static int FirstContentWord(string[] keys, int first, int count)
    {
        for (var i = first; i < count && i - first < 2; i++)
        {
            if (keys[i].Length > 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool StartsName(string text, NameToken token)
    {
        var c = text[token.Start];
        var letter = char.IsLetter(c) ? c : text[Math.Min(token.Start + 1, token.End - 1)];
        return char.IsUpper(letter) || NameKey.IsArabic(letter);
    }

    private static bool JoinedInName(string text, NameToken left, NameToken right)
    {
        for (var i = left.End; i < right.Start; i++)
        {
            if (text[i] is not (' ' or '-' or '\u2010' or '\u2011'))
            {
                return false;
            }
        }

        return right.Start - left.End <= 2;
    }

    private static bool IsEnglishWord(string text, List<NameToken> tokens, int first, int end) =>
        first == end && EnglishWords.Contains(text.Substring(tokens[first].Start, tokens[first].Length).ToLowerInvariant());
}
