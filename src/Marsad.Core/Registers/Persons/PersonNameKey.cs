using System.Collections.Frozen;
using System.Text;
using Marsad.Extraction.Geography;

namespace Marsad.Core.Registers.Persons;

/// <summary>One token of a person's name: its strict key (spelling rules applied), its consonant skeleton, and whether it is an initial.</summary>
/// <remarks>
/// <see cref="Family"/> marks a token written with the article (al-Khatib, el-Khatib, Alkhatib, الخطيب) or
/// followed by a comma (Khatib, Ziad): a family name wherever it stands. <see cref="LongVowels"/> is, for Arabic
/// script, the long vowels written (ا as a, و as u, ي as i), which the Latin spelling must show too.
/// </remarks>
public readonly record struct NameTokenKey(string Key, string Skeleton, bool Initial, bool Arabic, bool Family = false, string LongVowels = "");

/// <summary>
/// Match keys for people's names. It starts from the place-name keys (<see cref="NameKey"/>: diacritics, al-/el-/ad-,
/// ou/u, ee/i, q/k, dh/z, doubled letters, -ah/-eh endings) and adds what personal names need: titles dropped
/// (father, bishop, sheikh, dr ...), "Abd al-X", "Abdul X", "Abdel-X", "Abdurrahman" as one token, the common
/// given names in one spelling (Mohammad/Muhammad/Mohamed, Yusuf/Youssef, Hussein/Husayn ...), single letters kept
/// as initials, and a consonant skeleton that Arabic script maps to as well (محمد and Mohamed share "md").
/// </summary>
public static class PersonNameKey
{
    private static readonly FrozenSet<string> Titles = FrozenSet.ToFrozenSet(
        ["father", "fr", "bishop", "archbishop", "sheikh", "shaykh", "shaikh", "sheik", "dr", "doctor", "mr", "mrs", "ms", "miss",
         "imam", "mullah", "ustaz", "ustadh", "engineer", "eng", "lawyer", "journalist", "activist", "brother", "sister", "rev", "reverend",
         "الشيخ", "شيخ", "الأب", "الاب", "المطران", "الدكتور", "د"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> AbdForms = FrozenSet.ToFrozenSet(["abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdil", "abdu", "abdi", "abed", "عبد"], StringComparer.Ordinal);

    // Spellings of common given names, after NameKey's rules ran (so "ou" is already "u", doubles single).
    private static readonly FrozenDictionary<string, string> GivenNames = Canonical(new Dictionary<string, string[]>
    {
        ["muhamad"] = ["mohamad", "mohamed", "muhamed", "mohamd", "mhamad", "mhamed", "mohd", "mhd", "mahomed", "mohammad", "muhammad", "mohammed", "muhammed", "mouhamad", "muhamat", "mehmet", "mohamat"],
        ["ahmad"] = ["ahmed", "ahmet", "ehmed", "ahmd"],
        ["mahmud"] = ["mahmoud", "mahmod", "mehmud"],
        ["yusuf"] = ["yusef", "yousef", "yosef", "yusif", "yousif", "yosif", "yussuf", "usuf", "yousuf", "yosuf", "joseph"],
        ["husayn"] = ["husein", "husain", "hosein", "hosain", "hussein", "hussain", "husin", "hasayn", "huseyn", "hossein", "hussin"],
        ["hasan"] = ["hassan", "hasen", "hassen", "hasn"],
        ["umar"] = ["omar", "omer", "umer", "omr"],
        ["uthman"] = ["othman", "osman", "usman", "uthmen", "othmen", "atman"],
        ["khalid"] = ["khaled", "khalet", "halid", "haled", "kaled"],
        ["ibrahim"] = ["ebrahim", "brahim", "ibraheem", "ibrahem", "ebrahem", "ibrahym"],
        ["ismail"] = ["ismael", "esmail", "ismaeel", "ismayl", "esmael"],
        ["mustafa"] = ["mostafa", "mustapha", "mostapha", "mustefa"],
        ["salih"] = ["saleh", "salah", "saleeh", "salh"],
        ["said"] = ["saeed", "saaid", "saiid", "sa'id", "sayid"],
        ["jamal"] = ["gamal", "jamel", "djamal"],
        ["fatima"] = ["fatma", "fatimah", "fatme", "fatmeh", "fatemeh"],
        ["aisha"] = ["aysha", "aicha", "aesha", "ayesha", "aischa", "ayşe"],
        ["zaynab"] = ["zeinab", "zainab", "zenab", "zeynab"],
        ["khadija"] = ["khadidja", "khadeeja", "khadija", "hadija", "kadija"],
        ["maryam"] = ["mariam", "miriam", "meryem", "maryem", "mariyam"],
        ["walid"] = ["waleed", "welid", "walyd"],
        ["majid"] = ["majed", "maged", "magid", "majeed"],
        ["rashid"] = ["rasheed", "rachid", "rashed", "reshid"],
        ["tarik"] = ["tarek", "tareq", "tariq", "tarik"],
        ["yasir"] = ["yasser", "yaser", "yassir", "yassar"],
        ["nasir"] = ["naser", "nasser", "nassir", "nacer"],
        ["abdulah"] = ["abdula", "abdala", "abdalah", "abdela", "abdelah", "abdulla", "abdullah", "abdallah", "abdellah"],
        ["ali"] = ["aly", "alee", "aliy"],
        ["hamza"] = ["hamze", "hamzeh", "hemze"],
        ["yahya"] = ["yehia", "yahia", "yehya", "yahiya"],
        ["iisa"] = ["isa", "issa", "eisa", "essa"],
        ["musa"] = ["mousa", "moussa", "mosa", "musa"],
        ["suleyman"] = ["sulayman", "suleiman", "sulaiman", "soliman", "sliman", "slaiman", "suliman"],
        ["abas"] = ["abbas", "abass"],
        ["jafar"] = ["jaafar", "jafer", "djafar", "gafar"],
        ["nur"] = ["noor", "nour"],
    });

    /// <summary>The keys of each meaningful token of <paramref name="name"/>, titles dropped and "Abd" joined to what follows.</summary>
    public static IReadOnlyList<NameTokenKey> Tokens(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var raw = new List<(string Key, bool Arabic, bool Initial, bool Family, string LongVowels)>();
        var articleBefore = false;
        foreach (var token in NameTokenizer.Tokenize(name))
        {
            var text = name.AsSpan(token.Start, token.Length);
            var folded = Folded(text);
            if (folded.Length == 0 || Titles.Contains(folded))
            {
                continue;
            }

            if (NameKey.IsArticle(text))
            {
                articleBefore = true;
                continue;
            }

            var commaAfter = name.AsSpan(token.End).TrimStart().StartsWith(",");
            var joinedArticle = folded.Length >= 5 && !GivenNames.ContainsKey(folded) && (folded.StartsWith("al", StringComparison.Ordinal) || folded.StartsWith("el", StringComparison.Ordinal) || folded.StartsWith("ال", StringComparison.Ordinal));
            var family = articleBefore || commaAfter || joinedArticle;
            articleBefore = false;

            var arabic = folded[0] is >= '\u0600' and <= '\u06FF';
            if (!arabic && folded.Length == 1)
            {
                raw.Add((folded, false, true, false, ""));
                continue;
            }

            var key = arabic ? ArabicKey(NameKey.TokenKey(text)) : LatinKey(NameKey.TokenKey(text));
            if (key.Length > 0)
            {
                raw.Add((key, arabic, false, family, arabic ? ArabicLongVowels(key) : ""));
            }
        }

        var result = new List<NameTokenKey>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var (key, arabic, initial, family, vowels) = raw[i];
            // "Abd al-Rahman", "Abdul Karim", "عبد الله": one name, whatever the spacing; so is "Abu Zeid", "أبو زيد".
            if (!initial && i + 1 < raw.Count && !raw[i + 1].Initial && (AbdForms.Contains(key) || Kunya.Contains(key)))
            {
                var next = raw[++i];
                if (AbdForms.Contains(key))
                {
                    // The article in "Abd al-Rahman" belongs to the name, not to a family name.
                    var joined = arabic ? "عبد" + next.Key : Given("abd" + next.Key);
                    result.Add(Make(joined, arabic && next.Arabic, false, family, vowels + next.LongVowels));
                }
                else
                {
                    // A kunya keeps its parts apart in the skeleton, so "Abu Abbas" and "Abu Issa" do not run together.
                    var inner = Make(next.Key, next.Arabic, false, false, next.LongVowels);
                    result.Add(new NameTokenKey((arabic ? "ابو" : "abu") + next.Key, "ab|" + inner.Skeleton, false, arabic && next.Arabic, next.Family, next.LongVowels));
                }

                continue;
            }

            result.Add(Make(key, arabic, initial, family, vowels));
        }

        return result;
    }

    private static readonly FrozenSet<string> Kunya = FrozenSet.ToFrozenSet(["abu", "um", "ابو", "ام"], StringComparer.Ordinal);

    private static NameTokenKey Make(string key, bool arabic, bool initial, bool family, string vowels) =>
        initial ? new NameTokenKey(key, key, true, false) : new NameTokenKey(key, arabic ? ArabicSkeleton(key) : NameKey.SkeletonOf(key), false, arabic, family, vowels);

    // Long vowels written inside an Arabic name (not its first letter): ا/آ as a, و as u, ي as i. A final ي is left
    // out: the keys write alef maqsura (مصطفى, an a) as ي too.
    private static string ArabicLongVowels(string key)
    {
        var builder = new StringBuilder();
        for (var i = 1; i < key.Length - (key.EndsWith('ي') ? 1 : 0); i++)
        {
            var v = key[i] switch { 'ا' or 'آ' => 'a', 'و' => 'u', 'ي' or 'ى' => 'i', _ => '\0' };
            if (v != '\0')
            {
                builder.Append(v);
            }
        }

        return builder.ToString();
    }

    private static string Folded(ReadOnlySpan<char> token)
    {
        var builder = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            if (char.IsLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    // Joined forms: "abdulrahman", "abdurrahman", "abdelkarim" → "abd" + the name; "Alzoubi" → "zubi".
    private static string LatinKey(string key)
    {
        if (key.Length > 5 && key.StartsWith("abd", StringComparison.Ordinal) && !GivenNames.ContainsKey(key))
        {
            return Given("abd" + JoinedAbdName(key[3..]));
        }

        if (key.Length >= 5 && (key.StartsWith("al", StringComparison.Ordinal) || key.StartsWith("el", StringComparison.Ordinal)) && !GivenNames.ContainsKey(key) && key is not ("alaa" or "alawi" or "alan"))
        {
            key = key[2..];
        }

        return Given(key);
    }

    // After "abd" comes the article, often assimilated and with its doubled letter already collapsed ("ulaziz",
    // "ulatif" from "ullatif", "urahman"): the name that follows is the one the divine names list knows, else
    // what is left without the vowel and l.
    private static string JoinedAbdName(string rest)
    {
        string[] candidates = rest.Length > 2 && IsVowel(rest[0])
            ? rest[1] == 'l' ? [rest[2..], rest[1..], rest] : [rest[1..], rest]
            : [rest];
        return candidates.FirstOrDefault(DivineNames.Contains) ?? candidates[0];
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    // The names that follow "Abd", as NameKey spells them.
    private static readonly FrozenSet<string> DivineNames = FrozenSet.ToFrozenSet(
        new[] { "aziz", "rahman", "rahim", "karim", "kadir", "kader", "latif", "lah", "la", "ala", "majid", "hamid", "salam", "razak", "wahab", "jabar", "ghani", "hadi",
            "malik", "halim", "nasir", "naser", "basit", "fatah", "hakim", "jalil", "kafi", "muhsin", "munim", "wahid", "rauf", "sattar", "ilah", "sami", "hay", "kawi", "mutalib", "baki", "muin", "jawad", "rahim", "rezak", "rizak", "nur" }
            .Select(NameKey.Of),
        StringComparer.Ordinal);

    // "عبدالرحمن" written as one word: the article inside goes as it does after a space.
    private static string ArabicKey(string key) =>
        key.Length > 5 && key.StartsWith("عبدال", StringComparison.Ordinal) ? "عبد" + key[5..] : key;

    /// <summary>True when <paramref name="key"/> is the one spelling this class gives a common given name.</summary>
    public static bool IsKnownGivenName(string key) => KnownCanonical.Contains(key);

    private static readonly FrozenSet<string> KnownCanonical = FrozenSet.ToFrozenSet(GivenNames.Values.Select(Given), StringComparer.Ordinal);

    private static string Given(string key)
    {
        var canonical = GivenNames.TryGetValue(key, out var g) ? g : key;
        return canonical.Length > 3 && canonical.EndsWith('h') && canonical[^2] is 'a' or 'e' ? canonical[..^1] : canonical;
    }

    /// <summary>Arabic script to the Latin skeleton alphabet: consonants as their common transliteration's first letter, vowels and weak letters dropped.</summary>
    private static string ArabicSkeleton(string key)
    {
        var builder = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            char? letter = c switch
            {
                'ب' => 'b', 'ت' or 'ط' or 'ث' => 't', 'ج' => 'j', 'خ' or 'ك' or 'ق' => 'k', 'د' or 'ض' => 'd', 'ذ' or 'ز' or 'ظ' => 'z',
                'ر' => 'r', 'س' or 'ص' or 'ش' => 's', 'غ' => 'g', 'ف' => 'f', 'ل' => 'l', 'م' => 'm', 'ن' => 'n',
                'ح' or 'ه' => builder.Length == 0 ? 'h' : null,
                'ا' or 'أ' or 'إ' or 'آ' or 'ع' => builder.Length == 0 ? 'a' : null,
                'ي' or 'ى' => builder.Length == 0 ? 'y' : null,
                'و' => builder.Length == 0 ? 'w' : null,
                _ => null,
            };
            if (letter is { } l && (builder.Length == 0 || builder[^1] != l))
            {
                builder.Append(l);
            }
        }

        return builder.ToString();
    }

    private static FrozenDictionary<string, string> Canonical(Dictionary<string, string[]> groups)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, spellings) in groups)
        {
            map[NameKey.Of(canonical)] = canonical;
            foreach (var spelling in spellings)
            {
                map.TryAdd(NameKey.Of(spelling), canonical);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
