namespace Marsad.Extraction.Arabic;

/// <summary>
/// Counts written in Arabic: digits in any script, number words from واحد to ألف with their compounds
/// ("خمسة وعشرون"), duals ("عنصرين"), vague amounts (عشرات، مئات, kept as their floor) and the qualifiers
/// (نحو، حوالي، أكثر من، ما لا يقل عن، على الأقل) that ACLED codes as the stated figure.
/// </summary>
public static class ArabicNumbers
{
    private static readonly Dictionary<string, int> Units = Fold(new()
    {
        ["واحد"] = 1, ["واحدة"] = 1, ["اثنان"] = 2, ["اثنين"] = 2, ["اثنتين"] = 2, ["اثنتان"] = 2,
        ["ثلاث"] = 3, ["ثلاثة"] = 3, ["أربع"] = 4, ["أربعة"] = 4, ["خمس"] = 5, ["خمسة"] = 5, ["ست"] = 6, ["ستة"] = 6,
        ["سبع"] = 7, ["سبعة"] = 7, ["ثمان"] = 8, ["ثماني"] = 8, ["ثمانية"] = 8, ["تسع"] = 9, ["تسعة"] = 9,
        ["عشر"] = 10, ["عشرة"] = 10, ["عشرون"] = 20, ["عشرين"] = 20, ["ثلاثون"] = 30, ["ثلاثين"] = 30,
        ["أربعون"] = 40, ["أربعين"] = 40, ["خمسون"] = 50, ["خمسين"] = 50, ["ستون"] = 60, ["ستين"] = 60,
        ["سبعون"] = 70, ["سبعين"] = 70, ["ثمانون"] = 80, ["ثمانين"] = 80, ["تسعون"] = 90, ["تسعين"] = 90,
        ["مئة"] = 100, ["مائة"] = 100, ["مئتين"] = 200, ["مئتان"] = 200, ["مائتين"] = 200, ["ألف"] = 1000, ["ألفين"] = 2000,
        ["عشرات"] = 10, ["مئات"] = 100, ["آلاف"] = 1000,
    });

    private static readonly Dictionary<string, int> Ordinals = Fold(new()
    {
        ["الأول"] = 1, ["الأولى"] = 1, ["الثاني"] = 2, ["الثانية"] = 2, ["الثالث"] = 3, ["الثالثة"] = 3, ["الرابع"] = 4, ["الرابعة"] = 4,
        ["الخامس"] = 5, ["الخامسة"] = 5, ["السادس"] = 6, ["السادسة"] = 6, ["السابع"] = 7, ["السابعة"] = 7, ["الثامن"] = 8, ["الثامنة"] = 8,
        ["التاسع"] = 9, ["التاسعة"] = 9, ["العاشر"] = 10, ["العاشرة"] = 10,
    });

    // "عنصر" and "عنصرين": one of a person noun, or two (the dual). The nouns that count people in casualty reports.
    private static readonly HashSet<string> PersonNouns = FoldSet(
        "عنصر", "شاب", "مدني", "مواطن", "مواطنة", "طفل", "طفلة", "رجل", "سيدة", "امرأة", "شخص", "مقاتل", "جندي", "ضابط",
        "عسكري", "قيادي", "مسلح", "فتى", "فتاة", "عامل", "راعي", "مزارع", "قتيل", "عناصر", "أشخاص", "مدنيين", "مواطنين", "أطفال",
        "مقاتلين", "جنود", "عسكريين", "مسلحين", "شبان", "رجال", "نساء", "ضباط", "عنصرا", "شخصا", "مقاتلا", "قتيلا", "مدنيا", "جرحى", "قتلى");

    private static readonly HashSet<string> Qualifiers = FoldSet("نحو", "حوالي", "قرابة", "زهاء", "أكثر", "من", "ما", "لا", "يقل", "عن", "إلى", "الى", "على", "الأقل", "ب", "ل");

    /// <summary>The value of a number token or a number word (with a following "وعشرون" style tens), and its token count; (-1, 0) if none.</summary>
    public static (int Value, int Length) At(IReadOnlyList<ArabicToken> tokens, int i)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (i >= tokens.Count)
        {
            return (-1, 0);
        }

        var t = tokens[i];
        if (t.IsNumber)
        {
            return (t.Number, 1);
        }

        if (!t.IsWord || !TryWord(t, out var value))
        {
            return (-1, 0);
        }

        // "خمسة وعشرون": a unit, then "و" and its tens.
        if (value < 10 && i + 1 < tokens.Count && tokens[i + 1].HasConjunction && Units.TryGetValue(tokens[i + 1].WithoutConjunction, out var tens) && tens is >= 20 and < 100)
        {
            return (value + tens, 2);
        }

        // "ثلاثة عشر": a unit and ten.
        if (value < 10 && i + 1 < tokens.Count && tokens[i + 1].Norm is "عشر" or "عشره")
        {
            return (value + 10, 2);
        }

        return (value, 1);
    }

    /// <summary>The count at token <paramref name="i"/> after any qualifiers ("ما لا يقل عن 8"): value and the index after it; (-1, i) if none within a few words.</summary>
    public static (int Value, int Next) After(IReadOnlyList<ArabicToken> tokens, int i, int end)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (var j = i; j < end && j < i + 5; j++)
        {
            var (value, length) = At(tokens, j);
            if (length > 0)
            {
                return (value, j + length);
            }

            if (!tokens[j].IsWord || !Qualifiers.Contains(tokens[j].Norm))
            {
                break;
            }
        }

        return (-1, i);
    }

    /// <summary>A person noun: 1 for the singular ("عنصر"), 2 for the dual ("عنصرين"), 0 for a plural or none.</summary>
    public static int PersonCount(ArabicToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!token.IsWord)
        {
            return 0;
        }

        var w = token.WithoutConjunction;
        if (PersonNouns.Contains(w))
        {
            return IsPlural(w) ? 0 : 1;
        }

        foreach (var dual in (ReadOnlySpan<string>)["ين", "ان"])
        {
            if (w.EndsWith(dual, StringComparison.Ordinal) && w.Length > 4 && PersonNouns.Contains(w[..^2]) && !IsPlural(w[..^2]))
            {
                return 2;
            }
        }

        return 0;
    }

    /// <summary>The day of an ordinal word ("الأول من شباط"), else 0.</summary>
    public static int Ordinal(ArabicToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.IsWord && Ordinals.TryGetValue(token.WithoutConjunction, out var n) ? n : 0;
    }

    public static bool TryWord(ArabicToken token, out int value)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Units.TryGetValue(token.Norm, out value) || Units.TryGetValue(token.WithoutConjunction, out value);
    }

    private static bool IsPlural(string w) => w is "عناصر" or "اشخاص" or "مدنيين" or "مواطنين" or "اطفال" or "مقاتلين" or "جنود" or "عسكريين" or "مسلحين" or "شبان" or "رجال" or "نساء" or "ضباط" or "جرحي" or "قتلي";

    private static Dictionary<string, int> Fold(Dictionary<string, int> words) =>
        words.ToDictionary(p => ArabicLetters.Normalize(p.Key), p => p.Value, StringComparer.Ordinal);

    private static HashSet<string> FoldSet(params string[] words) => [.. words.Select(w => ArabicLetters.Normalize(w))];
}
