using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Marsad.Extraction.Geography;

/// <summary>
/// Turns a place name into match keys that survive the ways Arabic names are transliterated.
/// <see cref="Of"/> is the strict key: articles dropped (al-, el-, ad-, ash- ...), hamza and ayn marks
/// and diacritics removed, ou/oo→u, ee→i, q→k, dh→z, doubled letters single, endings -ah/-eh/-a/-e as one,
/// common words in one spelling (tal/tell/tel, deir/dayr/der, ain/ayn/ein ...), spaces and hyphens gone.
/// <see cref="SkeletonOf"/> is the loose key: the strict key's consonants, for vowel spellings no rule covers.
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

    /// <summary>The strict key of a name, or "" when nothing but articles and marks is left.</summary>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var tokens = NameTokenizer.Tokenize(name);
        var builder = new StringBuilder(name.Length);
        foreach (var token in tokens)
        {
            builder.Append(TokenKey(name.AsSpan(token.Start, token.Length)));
        }

        return CollapseDoubles(builder);
    }

    /// <summary>The key of one token (article tokens give ""); joining token keys and <see cref="Join"/> gives <see cref="Of"/>.</summary>
    public static string TokenKey(ReadOnlySpan<char> token)
    {
        var folded = Fold(token);
        if (folded.Length == 0 || Articles.Contains(folded))
        {
            return string.Empty;
        }

        return IsArabic(folded[0]) ? ArabicToken(folded) : LatinToken(folded);
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

    /// <summary>The loose key: first letter, then the consonants of the strict key ("suwayda", "sweida" → "sd"); "" for Arabic script.</summary>
    public static string SkeletonOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0 || IsArabic(key[0]))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(key.Length);
        builder.Append(IsVowel(key[0]) ? 'a' : key[0]);
        for (var i = 1; i < key.Length; i++)
        {
            var c = key[i];
            if (!IsVowel(c) && c is not ('y' or 'w' or 'h') && c != builder[^1])
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>True for a token that is only an Arabic article (al-, el-, ash- ...).</summary>
    public static bool IsArticle(ReadOnlySpan<char> token) => Articles.Contains(Fold(token));

    internal static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF';

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>Lower case without diacritics, hamza/ayn marks and apostrophes; Latin letters, digits and Arabic letters only.</summary>
    private static string Fold(ReadOnlySpan<char> token)
    {
        var builder = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            if (IsArabic(c))
            {
                AppendArabic(builder, c);
            }
            else if (char.IsAsciiLetter(c) || char.IsAsciiDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter)
            {
                builder.Append(LatinFolding.Fold(c));
            }
        }

        return builder.ToString();
    }

    private static void AppendArabic(StringBuilder builder, char c)
    {
        switch (c)
        {
            case >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640' or '\u0621':
                return; // harakat, dagger alef, tatweel, lone hamza
            case '\u0623' or '\u0625' or '\u0622' or '\u0671':
                builder.Append('\u0627');
                return;
            case '\u0629':
                builder.Append('\u0647');
                return;
            case '\u0649' or '\u0626':
                builder.Append('\u064A');
                return;
            case '\u0624':
                builder.Append('\u0648');
                return;
            default:
                builder.Append(c);
                return;
        }
    }

    private static string ArabicToken(string folded)
    {
        // The article is written joined to the word; a short word that begins with alef-lam keeps it.
        return folded.StartsWith("ال", StringComparison.Ordinal) && folded.Length > 3 ? folded[2..] : folded;
    }

    private static string LatinToken(string folded)
    {
        var s = folded
            .Replace("dh", "z", StringComparison.Ordinal)
            .Replace("dj", "j", StringComparison.Ordinal)
            .Replace("ch", "sh", StringComparison.Ordinal)
            .Replace("ph", "f", StringComparison.Ordinal)
            .Replace('q', 'k')
            .Replace("ou", "u", StringComparison.Ordinal)
            .Replace("oo", "u", StringComparison.Ordinal)
            .Replace("ee", "i", StringComparison.Ordinal);

        // The article written joined to a long word (Albukamal, Elwafedine).
        if (s.Length >= 7 && (s.StartsWith("al", StringComparison.Ordinal) || s.StartsWith("el", StringComparison.Ordinal)))
        {
            s = s[2..];
        }

        s = CollapseDoubles(new StringBuilder(s));
        s = NormaliseEnding(s);
        return CommonWords.TryGetValue(s, out var common) ? common : s;
    }

    // -iyeh/-ieh/-iyah/-iya, -ah/-eh/-e/-a: one ending, as the spellings of ta marbuta and ya nisba vary freely.
    private static string NormaliseEnding(string s)
    {
        if (s.Length < 4)
        {
            return s;
        }

        if (s.EndsWith("ieh", StringComparison.Ordinal) || s.EndsWith("iye", StringComparison.Ordinal) || s.EndsWith("iah", StringComparison.Ordinal))
        {
            return s[..^3] + "iya";
        }

        if (s.EndsWith("ah", StringComparison.Ordinal) || s.EndsWith("eh", StringComparison.Ordinal))
        {
            s = s[..^2] + "a";
        }
        else if (s[^1] == 'e' && !IsVowel(s[^2]))
        {
            s = s[..^1] + "a";
        }
        else if (s[^1] == 'y' && !IsVowel(s[^2]))
        {
            s = s[..^1] + "i"; // Qamishly, Tabqy
        }

        return s;
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
