using System.Collections.Frozen;
using System.Globalization;
using Marsad.Extraction.Text;

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
         "hayat", "hayyat", "hayaat", "tahrir", "jaysh", "jaish", "liwa", "ahrar", "faylaq", "jabhat", "ansar", "jund", "harakat", "katibat", "saraya", "firqat", "wosta", "idp", "idps",
         "euphrates", "orontes", "druze", "iraqis", "syrians", "kurds", "alawite", "alawites", "sunni", "shia", "bedouin", "egyptian", "saudi", "chechen",
         "uzbek", "afghan", "turkistani", "tunisian", "palestinian", "palestinians", "lebanese", "russians", "iranians", "americans"],
        StringComparer.OrdinalIgnoreCase);

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
         "factions", "group", "shield", "legion", "tribe", "clan", "family", "forces", "falcons", "lions", "revolutionaries", "operation",
         "council", "resistance", "gunmen", "union", "wali"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> GroupHeads = FrozenSet.ToFrozenSet(
        ["ahrar", "tahrir", "jaysh", "jaish", "liwa", "liwaa", "faylaq", "jabhat", "ansar", "jund", "harakat", "katibat", "saraya", "suqour", "suqur", "firqat",
         "tajammu", "usud", "fursan", "quwat", "thuwar", "ibn", "bin", "suqor", "suquor", "banyan", "bunyan"],
        StringComparer.OrdinalIgnoreCase);

    private const int MinLooseKeyLength = 5;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishWordSpans = EnglishWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CueSpans = Cues.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NameHeadSpans = NameHeads.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GroupTailSpans = GroupTails.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GroupHeadSpans = GroupHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    // Lower-case words between a place and a group word: "Tall Refaat communal militia", "Afrin local council".
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GroupAdjectiveSpans = FrozenSet.ToFrozenSet(
        ["communal", "local", "tribal", "military", "popular", "revolutionary", "civil", "rebel"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The place names of a text, tokenised here.</summary>
    public IReadOnlyList<PlaceMatch> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Find(text, Tokenizer.Tokenize(text));
    }

    /// <summary>The place names of a text over the tokens the engine already has.</summary>
    public IReadOnlyList<PlaceMatch> Find(string text, Token[] textTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(textTokens);
        var scan = new WordKeys(text, Words(text, textTokens));
        var tokens = scan.Tokens;
        List<PlaceMatch>? matches = null;
        for (var i = 0; i < tokens.Length;)
        {
            var inList = matches is { Count: > 0 } && ListContinues(text, matches[^1].End, tokens[i].Start);
            var length = LongestNameAt(scan, i, inList);
            if (length == 0)
            {
                i++;
                continue;
            }

            var start = tokens[i].Start;
            if (!char.IsLetterOrDigit(text[start]))
            {
                start++; // the name starts after its leading mark
            }

            var end = tokens[i + length - 1].End;
            if (!NamesAGroup(scan, i, i + length - 1))
            {
                (matches ??= []).Add(new PlaceMatch(start, end, text[start..end]));
            }

            i += length;
        }

        return matches ?? (IReadOnlyList<PlaceMatch>)[];
    }

    // The words and numbers of the text; a combining mark inside a word (Arabic harakat) does not split it.
    private static NameToken[] Words(string text, Token[] tokens)
    {
        var words = new List<NameToken>(tokens.Length);
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Punctuation)
            {
                continue;
            }

            var start = i > 0 && IsLeadingMark(text, tokens[i - 1], t) ? tokens[i - 1].Start : t.Start;
            while (i + 2 < tokens.Length && tokens[i + 1].Start == t.End && IsInnerMark(text, tokens[i + 1]) && tokens[i + 2].Start == tokens[i + 1].End && tokens[i + 2].IsWord)
            {
                t = tokens[i + 2];
                i += 2;
            }

            words.Add(new NameToken(start, t.End - start));
        }

        return [.. words];
    }

    // "Tal ‘Adah", "Al 'Amiriyah": an ayn or hamza mark written before a word belongs to it (it is dropped from the key).
    private static bool IsLeadingMark(string text, Token mark, Token word) =>
        mark.Kind == TokenKind.Punctuation && mark.End == word.Start && word.IsWord
        && text[mark.Start] is '\'' or '’' or '‘' or '`' or '´' or 'ʿ' or 'ʾ' or 'ʼ';

    private static bool IsInnerMark(string text, Token token) =>
        token.Kind == TokenKind.Punctuation
        && CharUnicodeInfo.GetUnicodeCategory(text[token.Start]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.ModifierSymbol;

    private int LongestNameAt(WordKeys scan, int first, bool inList)
    {
        var tokens = scan.Tokens;
        if (!StartsName(scan.Text, tokens[first]) && !MayBeArticle(scan.Word(first)))
        {
            return 0; // a lower-case word starts no name; only an article may come before the capital
        }

        var head = FirstContentWord(scan, first);
        if (head < 0 || !StartsName(scan.Text, tokens[head]))
        {
            return 0;
        }

        var last = first;
        while (last + 1 < tokens.Length && last + 1 - first < MaxWords && JoinedInName(scan.Text, tokens[last], tokens[last + 1]))
        {
            last++;
        }

        // The keys of first..k for every k, built word by word: a name's key is a prefix of the longer run's key, and
        // the run stops growing as soon as its key begins no name in the index (a hash of every key prefix says so).
        Span<char> buffer = stackalloc char[scan.JoinCapacity(first, last)];
        Span<int> ends = stackalloc int[last - first + 1];
        var index = gazetteer.Index;
        var length = 0;
        var hash = NameIndex.PrefixHashSeed;
        var longest = 0;
        for (var k = first; k <= last; k++)
        {
            var before = length;
            length = NameKey.AppendCollapsed(buffer, length, scan.Key(k));
            ends[k - first] = length;
            if (scan.Key(k).Length == 0)
            {
                continue; // an article: a name does not end with one
            }

            hash = NameIndex.PrefixHash(hash, buffer[before..length]);
            if (!index.IsKeyPrefix(hash))
            {
                break;
            }

            var key = buffer[..length];
            if (k >= head && key.Length >= MinKeyLength && index.MayBeKey(hash) && !IsEnglishWord(scan, first, k)
                && !NameHeadSpans.Contains(key) && index.ContainsKey(key))
            {
                longest = k - first + 1;
            }
        }

        if (longest > 0)
        {
            // "Maarrat Harma": the first word alone may be some other place's exact name while the whole run is the
            // one place, spelled loosely. The longer name wins when every word of it is capitalised and none is English.
            if (last + 1 - first > longest)
            {
                length = 0;
                for (var k = first; k <= last; k++)
                {
                    length = NameKey.AppendCollapsed(buffer, length, scan.Key(k));
                    ends[k - first] = length;
                }

                return Math.Max(longest, LooseNameAt(scan, first, last, buffer, ends, first + longest));
            }

            return longest;
        }

        if (!inList && !PlaceIsExpected(scan, first))
        {
            return 0;
        }

        length = 0;
        for (var k = first; k <= last; k++)
        {
            length = NameKey.AppendCollapsed(buffer, length, scan.Key(k));
            ends[k - first] = length;
        }

        return LooseNameAt(scan, first, last, buffer, ends);
    }

    // Articles are at most three letters ("ash", "ال"); a longer word is not one, whatever its marks.
    private static bool MayBeArticle(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLetterOrDigit(c) && ++letters > 3)
            {
                return false;
            }
        }

        return true;
    }

    private int LooseNameAt(WordKeys scan, int first, int last, ReadOnlySpan<char> keys, ReadOnlySpan<int> ends, int minEnd = 0)
    {
        for (var end = last; end >= Math.Max(first, minEnd); end--)
        {
            if (scan.Key(end).Length == 0 || !StartsName(scan.Text, scan.Tokens[end]) || IsEnglishWord(scan, end, end))
            {
                continue; // every word of a loosely matched name is capitalised and none is English
            }

            var key = keys[..ends[end - first]];
            if (key.Length >= MinLooseKeyLength && AllCapitalised(scan, first, end) && !NameHeadSpans.Contains(key) && gazetteer.Index.HasCloseMatch(key))
            {
                return end - first + 1;
            }
        }

        return 0;
    }

    private static bool AllCapitalised(WordKeys scan, int first, int end)
    {
        for (var i = first; i <= end; i++)
        {
            if (scan.Key(i).Length > 0 && !StartsName(scan.Text, scan.Tokens[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NamesAGroup(WordKeys scan, int first, int last)
    {
        var previous = first - 1;
        while (previous >= 0 && scan.Key(previous).Length == 0 && first - previous <= 2)
        {
            previous--; // skip the article in "Ahrar al-Sham"
        }

        if (previous >= 0 && GroupHeadSpans.Contains(scan.Word(previous)))
        {
            return true;
        }

        // "Liberation Army of Afrin", "Military Council of Quneitra", "Wali of Idleb": the place names the group.
        if (first >= 2 && scan.Word(first - 1) is "of" && GroupTailSpans.Contains(scan.Word(first - 2)) && StartsName(scan.Text, scan.Tokens[first - 2]))
        {
            return true;
        }

        var next = last + 1 < scan.Tokens.Length && scan.Word(last + 1) is "'s" or "’s" ? last + 2 : last + 1; // "Hussein Al Ali's family"
        if (next >= scan.Tokens.Length)
        {
            return false;
        }

        // "Omar Ibn al-Khattab Army", "Khalid ibn al-Walid": a man's name; "Suqour al-Sham", "Ahrar al-Sham": a group.
        var afterArticle = next;
        while (afterArticle < scan.Tokens.Length && afterArticle - next < 2 && scan.Key(afterArticle).Length == 0)
        {
            afterArticle++;
        }

        if (scan.Word(next) is "ibn" or "Ibn" or "bin" or "Bin" || (afterArticle > next && afterArticle < scan.Tokens.Length && scan.Word(afterArticle) is "Sham"))
        {
            return true;
        }

        // "Hamza Division", "Menbij Military Council", "Dar'a Popular Resistance", "Tall Refaat communal militia".
        for (var j = next; j < scan.Tokens.Length && j <= next + 1; j++)
        {
            if (GroupTailSpans.Contains(scan.Word(j)))
            {
                return true;
            }

            if (!StartsName(scan.Text, scan.Tokens[j]) && !GroupAdjectiveSpans.Contains(scan.Word(j)))
            {
                return false;
            }
        }

        return false;
    }

    // "al-Hasakah, Koniko and Al-Omar": a name right after a found one, joined by a comma or "and", is in the same list.
    private static bool ListContinues(string text, int previousEnd, int start)
    {
        var gap = text.AsSpan(previousEnd, start - previousEnd).Trim();
        return start - previousEnd <= 6 && (gap is "," or "and" or ", and" or "or" or "/" or "&");
    }

    private static bool PlaceIsExpected(WordKeys scan, int first) =>
        scan.Key(first).Length == 0 || (first > 0 && CueSpans.Contains(scan.Word(first - 1)));

    private static int FirstContentWord(WordKeys scan, int first)
    {
        for (var i = first; i < scan.Tokens.Length && i - first < 2; i++)
        {
            if (scan.Key(i).Length > 0)
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

    private static bool IsEnglishWord(WordKeys scan, int first, int end) => first == end && EnglishWordSpans.Contains(scan.Word(first));

    /// <summary>The words of one text with their name keys, each key computed the first time it is asked for.</summary>
    private sealed class WordKeys
    {
        private readonly char[] keys;
        private readonly int[] keyStart;
        private readonly int[] keyLength;

        public WordKeys(string text, NameToken[] tokens)
        {
            Text = text;
            Tokens = tokens;
            keyStart = new int[tokens.Length];
            keyLength = new int[tokens.Length];
            var capacity = 0;
            for (var i = 0; i < tokens.Length; i++)
            {
                keyStart[i] = capacity;
                keyLength[i] = -1;
                capacity += tokens[i].Length + NameKey.MaxGrowth;
            }

            keys = new char[capacity];
        }

        public string Text { get; }

        public NameToken[] Tokens { get; }

        public ReadOnlySpan<char> Word(int i) => Text.AsSpan(Tokens[i].Start, Tokens[i].Length);

        public ReadOnlySpan<char> Key(int i)
        {
            if (keyLength[i] < 0)
            {
                keyLength[i] = NameKey.TokenKey(Word(i), keys.AsSpan(keyStart[i], Tokens[i].Length + NameKey.MaxGrowth));
            }

            return keys.AsSpan(keyStart[i], keyLength[i]);
        }

        /// <summary>Enough room for the joined keys of words first..last.</summary>
        public int JoinCapacity(int first, int last) => Tokens[last].End - Tokens[first].Start + (NameKey.MaxGrowth * (last - first + 1));
    }
}
