using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Marsad.Extraction.Geography;

/// <summary>
/// Turns a place name into match keys that survive the ways Arabic names are transliterated.
/// <see cref="Of"/> is the strict key: articles dropped (al-, el-, ad-, ash- ...), hamza and ayn marks
/// and diacritics removed, ou/oo→u, ee→i, q→k, dh→z, doubled letters single, endings -ah/-eh/-a/-e as one,
/// common words in one spelling (tal/tell/tel, deir/dayr/der, ain/ayn/ein ...), spaces and hyphens gone.
/// <see cref="SkeletonOf(string)"/> is the loose key: the strict key's consonants, for vowel spellings no rule covers.
/// Arabic script gets its own normalisation (no diacritics, one alef, ta marbuta as ha, no article).
/// </summary>
public static class NameKey
{
    private static readonly FrozenSet<string> Articles = FrozenSet.ToFrozenSet(
        ["al", "el", "ad", "ed", "ar", "er", "as", "es", "ash", "esh", "at", "et", "az", "ez", "an", "en", "adh", "edh", "ath", "eth", "aj", "ul", "il", "l", "ال"],
        StringComparer.Ordinal);

    // Spellings of the words that begin many Syrian place names, after the character rules ran.
    private static readonly FrozenDictionary<string, string> CommonWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["tel"] = "tal", ["til"] = "tal", ["tal"] = "tal", ["tul"] = "tal",
        ["dayr"] = "dayr", ["deir"] = "dayr", ["der"] = "dayr", ["dair"] = "dayr", ["dier"] = "dayr", ["deyr"] = "dayr",
        ["ayn"] = "ayn", ["ain"] = "ayn", ["ein"] = "ayn", ["aayn"] = "ayn", ["aein"] = "ayn", ["ayin"] = "ayn",
        ["abu"] = "abu", ["abo"] = "abu", ["ebu"] = "abu", ["bu"] = "abu",
        ["um"] = "um", ["om"] = "um", ["im"] = "um",
        ["jabal"] = "jabal", ["jebel"] = "jabal", ["jabel"] = "jabal", ["jbel"] = "jabal", ["jebal"] = "jabal",
        ["kafr"] = "kafr", ["kfar"] = "kafr", ["kafar"] = "kafr", ["kefr"] = "kafr", ["kfr"] = "kafr",
        ["bayt"] = "bayt", ["beit"] = "bayt", ["bait"] = "bayt", ["bet"] = "bayt", ["bit"] = "bayt",
        ["khirbat"] = "khirbat", ["khirbet"] = "khirbat", ["kherbet"] = "khirbat", ["kherbat"] = "khirbat", ["khirba"] = "khirbat", ["kharbat"] = "khirbat",
        ["shaykh"] = "shaykh", ["sheikh"] = "shaykh", ["shaikh"] = "shaykh", ["shekh"] = "shaykh", ["shikh"] = "shaykh", ["shaik"] = "shaykh",
        ["mazraa"] = "mazraa", ["mazrat"] = "mazraa", ["mazraat"] = "mazraa", ["mazraet"] = "mazraa", ["mazra"] = "mazraa",
        ["ibn"] = "bin", ["ben"] = "bin", ["bin"] = "bin",
        ["ras"] = "ras", ["raas"] = "ras",
        ["wadi"] = "wadi", ["wady"] = "wadi",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ArticleSpans = Articles.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CommonWordSpans = CommonWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Room a token's key may need beyond the token's own length ("kfr" → "kafr", "bu" → "abu").</summary>
    public const int MaxGrowth = 2;

    /// <summary>The strict key of a name, or "" when nothing but articles and marks is left.</summary>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var tokens = NameTokenizer.Tokenize(name);
        var capacity = name.Length + (MaxGrowth * tokens.Count) + 1;
        var buffer = capacity <= 256 ? stackalloc char[256] : new char[capacity];
        var length = 0;
        Span<char> token = stackalloc char[64];
        foreach (var t in tokens)
        {
            var scratch = t.Length + MaxGrowth <= token.Length ? token : new char[t.Length + MaxGrowth];
            var n = TokenKey(name.AsSpan(t.Start, t.Length), scratch);
            length = AppendCollapsed(buffer, length, scratch[..n]);
        }

        return new string(buffer[..length]);
    }

    /// <summary>The key of one token (article tokens give ""); joining token keys and <see cref="Join"/> gives <see cref="Of"/>.</summary>
    public static string TokenKey(ReadOnlySpan<char> token)
    {
        var buffer = token.Length + MaxGrowth <= 64 ? stackalloc char[64] : new char[token.Length + MaxGrowth];
        return new string(buffer[..TokenKey(token, buffer)]);
    }

    /// <summary>
    /// The key of one token written to <paramref name="destination"/> (at least the token's length + <see cref="MaxGrowth"/>),
    /// without allocating: the scan over a report's words computes one for every capitalised word.
    /// Returns the key's length, 0 for an article or a token of marks only.
    /// </summary>
    public static int TokenKey(ReadOnlySpan<char> token, Span<char> destination)
    {
        var n = Fold(token, destination);
        if (n == 0 || ArticleSpans.Contains(destination[..n]))
        {
            return 0;
        }

        return IsArabic(destination[0]) ? ArabicToken(destination, n) : LatinToken(destination, n);
    }

    /// <summary>Joins token keys into a name key (doubled letters across the joins collapse too).</summary>
    public static string Join(ReadOnlySpan<string> tokenKeys)
    {
        var builder = new StringBuilder();
        foreach (var key in tokenKeys)
        {
            builder.Append(key);
        }

        return CollapseDoubles(builder);
    }

    /// <summary>
    /// Appends a token key to a name key being built in <paramref name="buffer"/> (its first <paramref name="length"/>
    /// characters), collapsing doubled letters as <see cref="Join"/> does; returns the new length.
    /// </summary>
    public static int AppendCollapsed(Span<char> buffer, int length, ReadOnlySpan<char> tokenKey)
    {
        foreach (var c in tokenKey)
        {
            if (length == 0 || buffer[length - 1] != c)
            {
                buffer[length++] = c;
            }
        }

        return length;
    }

    /// <summary>The loose key: first letter, then the consonants of the strict key ("suwayda", "sweida" → "sd"); "" for Arabic script.</summary>
    public static string SkeletonOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var buffer = key.Length <= 128 ? stackalloc char[128] : new char[key.Length];
        return new string(buffer[..SkeletonOf(key, buffer)]);
    }

    /// <summary><see cref="SkeletonOf(string)"/> written to <paramref name="destination"/> (at least the key's length); returns its length.</summary>
    public static int SkeletonOf(ReadOnlySpan<char> key, Span<char> destination)
    {
        if (key.Length == 0 || IsArabic(key[0]))
        {
            return 0;
        }

        // A hard c and k are one consonant in the loose key ("Conico", "Koniko"); the strict key keeps them apart, as
        // ids of user places are built from it.
        var n = 0;
        destination[n++] = IsVowel(key[0]) ? 'a' : key[0] == 'c' ? 'k' : key[0];
        for (var i = 1; i < key.Length; i++)
        {
            var c = key[i] == 'c' ? 'k' : key[i];
            if (!IsVowel(c) && c is not ('y' or 'w' or 'h') && c != destination[n - 1])
            {
                destination[n++] = c;
            }
        }

        return n;
    }

    /// <summary>True for a token that is only an Arabic article (al-, el-, ash- ...).</summary>
    public static bool IsArticle(ReadOnlySpan<char> token)
    {
        var buffer = token.Length <= 64 ? stackalloc char[64] : new char[token.Length];
        return ArticleSpans.Contains(buffer[..Fold(token, buffer)]);
    }

    internal static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF';

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>Lower case without diacritics, hamza/ayn marks and apostrophes; Latin letters, digits and Arabic letters only.</summary>
    private static int Fold(ReadOnlySpan<char> token, Span<char> destination)
    {
        var n = 0;
        foreach (var c in token)
        {
            if (IsArabic(c))
            {
                if (FoldArabic(c) is var a and not '\0')
                {
                    destination[n++] = a;
                }
            }
            else if (char.IsAsciiLetter(c) || char.IsAsciiDigit(c))
            {
                destination[n++] = (char)(c | 0x20);
            }
            else if (c > '\u007F' && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter)
            {
                destination[n++] = LatinFolding.Fold(c);
            }
        }

        return n;
    }

    // One letter form for each Arabic letter; '\0' for the marks that are dropped.
    private static char FoldArabic(char c) => c switch
    {
        >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640' or '\u0621' => '\0', // harakat, dagger alef, tatweel, lone hamza
        '\u0623' or '\u0625' or '\u0622' or '\u0671' => '\u0627',
        '\u0629' => '\u0647',
        '\u0649' or '\u0626' => '\u064A',
        '\u0624' => '\u0648',
        _ => c,
    };

    private static int ArabicToken(Span<char> s, int n)
    {
        // The article is written joined to the word; a short word that begins with alef-lam keeps it.
        if (n > 3 && s[0] == '\u0627' && s[1] == '\u0644')
        {
            s[2..n].CopyTo(s);
            return n - 2;
        }

        return n;
    }

    private static int LatinToken(Span<char> s, int n)
    {
        // In this order, each over the whole token, as the transliterations overlap ("dh" before "ch" before "ou").
        n = Replace(s, n, 'd', 'h', 'z');
        n = Replace(s, n, 'd', 'j', 'j');
        for (var i = 0; i + 1 < n; i++)
        {
            if (s[i] == 'c' && s[i + 1] == 'h')
            {
                s[i++] = 's'; // ch → sh
            }
        }

        n = Replace(s, n, 'p', 'h', 'f');
        s[..n].Replace('q', 'k');
        n = Replace(s, n, 'o', 'u', 'u');
        n = Replace(s, n, 'o', 'o', 'u');
        n = Replace(s, n, 'e', 'e', 'i');

        // The article written joined to a long word (Albukamal, Elwafedine).
        if (n >= 7 && s[1] == 'l' && s[0] is 'a' or 'e')
        {
            s[2..n].CopyTo(s);
            n -= 2;
        }

        n = AppendCollapsed(s, 0, s[..n]);
        n = NormaliseEnding(s, n);
        if (CommonWordSpans.TryGetValue(s[..n], out var common))
        {
            common.CopyTo(s);
            n = common.Length;
        }

        return n;
    }

    // Every non-overlapping "ab", left to right, becomes "x" (string.Replace's order).
    private static int Replace(Span<char> s, int n, char a, char b, char x)
    {
        var write = 0;
        for (var read = 0; read < n; read++)
        {
            if (s[read] == a && read + 1 < n && s[read + 1] == b)
            {
                s[write++] = x;
                read++;
            }
            else
            {
                s[write++] = s[read];
            }
        }

        return write;
    }

    // -iyeh/-ieh/-iyah/-iya, -ah/-eh/-e/-a: one ending, as the spellings of ta marbuta and ya nisba vary freely.
    private static int NormaliseEnding(Span<char> s, int n)
    {
        if (n < 4)
        {
            return n;
        }

        var end = s[..n];
        if (end.EndsWith("ieh") || end.EndsWith("iye") || end.EndsWith("iah"))
        {
            "iya".CopyTo(s[(n - 3)..]);
        }
        else if (end.EndsWith("ah") || end.EndsWith("eh"))
        {
            s[n - 2] = 'a';
            n--;
        }
        else if (s[n - 1] == 'e' && !IsVowel(s[n - 2]))
        {
            s[n - 1] = 'a';
        }
        else if (s[n - 1] == 'y' && !IsVowel(s[n - 2]))
        {
            s[n - 1] = 'i'; // Qamishly, Tabqy
        }

        return n;
    }

    private static string CollapseDoubles(StringBuilder builder)
    {
        var write = 0;
        for (var read = 0; read < builder.Length; read++)
        {
            if (write == 0 || builder[read] != builder[write - 1])
            {
                builder[write++] = builder[read];
            }
        }

        builder.Length = write;
        return builder.ToString();
    }
}
