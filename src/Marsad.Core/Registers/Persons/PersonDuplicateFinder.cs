using System.Globalization;

namespace Marsad.Core.Registers.Persons;

/// <summary>
/// Finds person records that name the same person. Blocking first, so that only records sharing two name tokens'
/// skeletons (or an initial and a skeleton) are ever compared; then a score: the name tokens are aligned whatever
/// their order (exact key, same given name, same skeleton with a small spelling difference, initial against name),
/// and a token left over on both sides (a different father's name) costs far more than one left out on one side (a
/// dropped middle name). A different date of birth rules a pair out; a different governorate lowers the score.
/// </summary>
public sealed class PersonDuplicateFinder(double threshold = PersonDuplicateFinder.DefaultThreshold)
{
    public const double DefaultThreshold = 0.75;

    /// <summary>Blocks bigger than this are names too common to block on (every "Muhammad ... Ahmad"); other keys still pair their records.</summary>
    private const int MaxBlock = 400;

    public IReadOnlyList<MergeProposal> Find(IReadOnlyList<PersonNames> persons)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var keyed = persons.Select(p => (Person: p, Variants: p.Names.Select(PersonNameKey.Tokens).Where(t => t.Count(k => !k.Initial) >= 1 && t.Count >= 2).ToList())).ToList();
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < keyed.Count; i++)
        {
            foreach (var key in keyed[i].Variants.SelectMany(BlockingKeys).Distinct(StringComparer.Ordinal))
            {
                if (!blocks.TryGetValue(key, out var list))
                {
                    blocks[key] = list = [];
                }

                list.Add(i);
            }
        }

        var seen = new HashSet<(int, int)>();
        var candidates = new List<(int A, int B, double Score, IReadOnlyList<string> Reasons, int Shorter)>();
        foreach (var block in blocks.Values.Where(b => b.Count is > 1 and <= MaxBlock))
        {
            for (var x = 0; x < block.Count; x++)
            {
                for (var y = x + 1; y < block.Count; y++)
                {
                    var (a, b) = block[x] < block[y] ? (block[x], block[y]) : (block[y], block[x]);
                    if (!seen.Add((a, b)))
                    {
                        continue;
                    }

                    var (score, reasons, shorter) = Score(keyed[a].Person, keyed[a].Variants, keyed[b].Person, keyed[b].Variants);
                    if (score >= threshold)
                    {
                        candidates.Add((a, b, score, reasons, shorter == 0 ? -1 : shorter < 0 ? a : b));
                    }
                }
            }
        }

        var ambiguous = AmbiguousShortNames(keyed, candidates);
        return [.. candidates
            .Where(c => c.Shorter < 0 || !ambiguous.Contains(c.Shorter))
            .Select(c => new MergeProposal(keyed[c.A].Person.Id, keyed[c.B].Person.Id, Math.Round(c.Score, 3), keyed[c.A].Person.Names[0], keyed[c.B].Person.Names[0], c.Reasons))
            .OrderByDescending(p => p.Score).ThenBy(p => p.FirstName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A short name ("Adnan Haddad") that matches longer names only by leaving names out is proposed only when those
    /// longer names are one person: if it fits "Adnan Hassan Haddad" and "Adnan Omar Haddad", nothing says which.
    /// </summary>
    private HashSet<int> AmbiguousShortNames(List<(PersonNames Person, List<IReadOnlyList<NameTokenKey>> Variants)> keyed, List<(int A, int B, double Score, IReadOnlyList<string> Reasons, int Shorter)> candidates)
    {
        var ambiguous = new HashSet<int>();
        foreach (var group in candidates.Where(c => c.Shorter >= 0).GroupBy(c => c.Shorter))
        {
            var longer = group.Select(c => c.A == group.Key ? c.B : c.A).Distinct().ToList();
            for (var i = 0; i < longer.Count && !ambiguous.Contains(group.Key); i++)
            {
                for (var j = i + 1; j < longer.Count; j++)
                {
                    if (Score(keyed[longer[i]].Person, keyed[longer[i]].Variants, keyed[longer[j]].Person, keyed[longer[j]].Variants).Score < threshold)
                    {
                        ambiguous.Add(group.Key);
                        break;
                    }
                }
            }
        }

        return ambiguous;
    }

    /// <summary>Pairs of full tokens' skeletons, and each initial (or each full token's first letter) with another token's skeleton.</summary>
    private static IEnumerable<string> BlockingKeys(IReadOnlyList<NameTokenKey> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            for (var j = 0; j < tokens.Count; j++)
            {
                if (i == j || tokens[j].Initial)
                {
                    continue;
                }

                if (!tokens[i].Initial && i < j)
                {
                    var (p, q) = string.CompareOrdinal(tokens[i].Skeleton, tokens[j].Skeleton) <= 0 ? (tokens[i].Skeleton, tokens[j].Skeleton) : (tokens[j].Skeleton, tokens[i].Skeleton);
                    yield return "s|" + p + "|" + q;
                }

                yield return "i|" + InitialOf(tokens[i]) + "|" + tokens[j].Skeleton;
            }
        }
    }

    private static char InitialOf(NameTokenKey token)
    {
        var c = token.Initial ? token.Key[0] : token.Skeleton.Length > 0 ? token.Skeleton[0] : token.Key[0];
        return c is 'a' or 'e' or 'i' or 'o' or 'u' ? 'a' : c;
    }

    /// <summary>The pair's best score over their names, why, and which side left names out (-1 a, 1 b, 0 neither).</summary>
    private static (double Score, IReadOnlyList<string> Reasons, int Shorter) Score(PersonNames a, List<IReadOnlyList<NameTokenKey>> va, PersonNames b, List<IReadOnlyList<NameTokenKey>> vb)
    {
        if (a.DateOfBirth is { } da && b.DateOfBirth is { } db && da != db)
        {
            return (0, ["different dates of birth"], 0);
        }

        var best = 0.0;
        var shorter = 0;
        IReadOnlyList<string> why = [];
        foreach (var x in va)
        {
            foreach (var y in vb)
            {
                var (score, reasons) = NameScore(x, y);
                if (score > best)
                {
                    (best, why) = (score, reasons);
                    shorter = reasons.Any(r => r.EndsWith("only in one", StringComparison.Ordinal)) ? x.Count < y.Count ? -1 : 1 : 0;
                }
            }
        }

        // A date of birth on both sides that agrees settles an omission.
        shorter = a.DateOfBirth is not null && a.DateOfBirth == b.DateOfBirth ? 0 : shorter;

        var extra = new List<string>(why);
        if (a.DateOfBirth is not null && a.DateOfBirth == b.DateOfBirth)
        {
            best += 0.05;
            extra.Add("same date of birth");
        }

        if (a.Admin1 is not null && b.Admin1 is not null && !string.Equals(a.Admin1, b.Admin1, StringComparison.OrdinalIgnoreCase))
        {
            best -= 0.1;
            extra.Add("last seen in different governorates");
        }

        return (Math.Clamp(best, 0, 1), extra, shorter);
    }

    /// <summary>Aligns the tokens of two names (best pairs first, order ignored) and scores the alignment.</summary>
    public static (double Score, IReadOnlyList<string> Reasons) NameScore(IReadOnlyList<NameTokenKey> x, IReadOnlyList<NameTokenKey> y)
    {
        var pairs = new List<(int I, int J, double Sim, string Why)>();
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = 0; j < y.Count; j++)
            {
                var (sim, why) = TokenSimilarity(x[i], y[j]);
                if (sim > 0)
                {
                    pairs.Add((i, j, sim, why));
                }
            }
        }

        var order = new List<(int I, int J)>();
        var usedX = new bool[x.Count];
        var usedY = new bool[y.Count];
        double sum = 0;
        var matched = 0;
        var full = 0;
        var reasons = new List<string>();
        foreach (var (i, j, sim, why) in pairs.OrderByDescending(p => p.Sim))
        {
            if (usedX[i] || usedY[j])
            {
                continue;
            }

            usedX[i] = usedY[j] = true;
            order.Add((i, j));
            sum += sim;
            matched++;
            full += x[i].Initial || y[j].Initial ? 0 : 1;
            reasons.Add(why);
        }

        if (matched < 2 || full < 1)
        {
            return (0, []);
        }

        var leftX = x.Count - matched;
        var leftY = y.Count - matched;
        var conflicts = Math.Min(leftX, leftY);
        var omissions = Math.Abs(leftX - leftY);
        var score = (sum / Math.Min(x.Count, y.Count)) - (0.35 * conflicts) - (0.08 * omissions);
        // Both names mark a family name (al-X, X followed by a comma) and the two were not matched: two families.
        var familyX = Enumerable.Range(0, x.Count).Where(i => x[i].Family).ToList();
        var familyY = Enumerable.Range(0, y.Count).Where(j => y[j].Family).ToList();
        if (familyX.Count > 0 && familyY.Count > 0 && !order.Any(m => x[m.I].Family && y[m.J].Family))
        {
            score -= 0.4;
            reasons.Add("family names differ");
        }

        // A name left out is a father's or grandfather's: the first names must be the same person's first name.
        if (omissions > 0 && !order.Any(m => m.I == GivenIndex(x) && m.J == GivenIndex(y)))
        {
            score -= 0.3;
            reasons.Add("first names differ");
        }

        // "Family, Given Father" is the same name turned round; "Father Given Family" is another person.
        if (!SameOrder(order))
        {
            score -= 0.3;
            reasons.Add("names in another order");
        }

        if (conflicts > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{conflicts} name(s) differ"));
        }

        if (omissions > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{omissions} name(s) only in one"));
        }

        return (score, reasons);
    }

    /// <summary>Where the first name stands: second when the name starts with its family name (al-X ..., X, ...), else first.</summary>
    private static int GivenIndex(IReadOnlyList<NameTokenKey> name) => name.Count > 1 && name[0].Family ? 1 : 0;

    private static bool IsKunya(string key) => key.Length > 4 && key.StartsWith("abu", StringComparison.Ordinal);

    /// <summary>True when the matched tokens come in the same order in both names, or turned round (family name moved to the front or back).</summary>
    private static bool SameOrder(List<(int I, int J)> matched)
    {
        var js = matched.OrderBy(m => m.I).Select(m => m.J).ToList();
        var descents = 0;
        for (var k = 1; k < js.Count; k++)
        {
            descents += js[k] < js[k - 1] ? 1 : 0;
        }

        return descents == 0 || (descents == 1 && js[^1] < js[0]);
    }

    private static (double Sim, string Why) TokenSimilarity(NameTokenKey a, NameTokenKey b)
    {
        if (a.Initial || b.Initial)
        {
            if (a.Initial && b.Initial)
            {
                return a.Key == b.Key ? (0.6, $"initial {a.Key}") : (0, "");
            }

            var (initial, full) = a.Initial ? (a, b) : (b, a);
            return InitialOf(initial) == InitialOf(full) ? (0.7, $"initial {initial.Key} of {full.Key}") : (0, "");
        }

        if (a.Key == b.Key)
        {
            return (1, a.Key);
        }

        if (a.Arabic || b.Arabic)
        {
            return a.Skeleton != b.Skeleton || !LongVowelsShown(a, b) ? (0, "") : a.Skeleton.Length >= 2 ? (0.95, $"{a.Key} ~ {b.Key} (Arabic script)") : (0.85, $"{a.Key} ~ {b.Key} (Arabic script)");
        }

        // Two different common given names (Hasan, Husayn; Abu Ahmad, Abu Muhammad) are two names, however alike their letters.
        // A kunya (Abu Hasan) is not the name it is made of (Hasan).
        if (IsKunya(a.Key) != IsKunya(b.Key))
        {
            return (0, "");
        }

        var (ra, rb) = IsKunya(a.Key) ? (a.Key[3..], b.Key[3..]) : (a.Key, b.Key);
        if (PersonNameKey.IsKnownGivenName(ra) && PersonNameKey.IsKnownGivenName(rb))
        {
            return (0, "");
        }

        var distance = EditDistance(a.Key, b.Key);
        var shortest = Math.Min(a.Key.Length, b.Key.Length);
        if (a.Skeleton == b.Skeleton)
        {
            // Same consonants: a spelling of the same name if the vowels are (Hammoud/Hamoud, Obeid/Ubayd), another
            // name if they are not (Hamad, Hamid, Hamoud).
            return VowelsAgree(a.Key, b.Key) && distance <= 3 && shortest >= 3 ? (0.9, $"{a.Key} ~ {b.Key} (vowels)") : (0, "");
        }

        // A letter doubled, dropped or two swapped is a slip of the keyboard; a letter changed (Dabbagh, Sabbagh) is another name.
        var slip = distance == 1 && (a.Key.Length != b.Key.Length || a.Key.Order().SequenceEqual(b.Key.Order()))
            && !PersonNameKey.IsKnownGivenName(a.Key) && !PersonNameKey.IsKnownGivenName(b.Key);
        return slip && shortest >= 4 ? (0.8, $"{a.Key} ~ {b.Key} (one letter)") : (0, "");
    }

    /// <summary>The long vowels Arabic script writes (حسين has ي, حسن none) must show, in order, in the Latin spelling.</summary>
    private static bool LongVowelsShown(NameTokenKey a, NameTokenKey b)
    {
        if (a.Arabic == b.Arabic)
        {
            return true;
        }

        var (arabic, latin) = a.Arabic ? (a, b) : (b, a);
        var at = 0;
        foreach (var c in latin.Key)
        {
            var cls = c switch { 'a' or 'e' => 'a', 'u' or 'o' or 'w' => 'u', 'i' or 'y' => 'i', _ => '\0' };
            if (at < arabic.LongVowels.Length && (cls == arabic.LongVowels[at] || (c == 'e' && arabic.LongVowels[at] == 'i')))
            {
                at++;
            }
        }

        return at == arabic.LongVowels.Length;
    }

    /// <summary>
    /// The vowels of two spellings agree when they match one for one (o and u as one, e as either a or i), allowing
    /// one vowel written in one spelling and not the other.
    /// </summary>
    private static bool VowelsAgree(string a, string b)
    {
        var x = Vowels(a);
        var y = Vowels(b);
        if (x.Length == y.Length)
        {
            return Agree(x, y);
        }

        if (Math.Abs(x.Length - y.Length) != 1)
        {
            return false;
        }

        var (longer, shorter) = x.Length > y.Length ? (x, y) : (y, x);
        for (var skip = 0; skip < longer.Length; skip++)
        {
            if (Agree(longer.Remove(skip, 1), shorter))
            {
                return true;
            }
        }

        return false;
    }

    private static string Vowels(string key) => new([.. key.Where(c => c is 'a' or 'e' or 'i' or 'o' or 'u').Select(c => c == 'o' ? 'u' : c)]);

    private static bool Agree(string x, string y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] != y[i] && x[i] != 'e' && y[i] != 'e')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Edit distance with adjacent transpositions counted once (optimal string alignment); 4 when lengths differ by more than 3.</summary>
    private static int EditDistance(string s, string t)
    {
        if (Math.Abs(s.Length - t.Length) > 3)
        {
            return 4;
        }

        var d = new int[s.Length + 1, t.Length + 1];
        for (var i = 0; i <= s.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= t.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= s.Length; i++)
        {
            for (var j = 1; j <= t.Length; j++)
            {
                var cost = s[i - 1] == t[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[s.Length, t.Length];
    }
}
