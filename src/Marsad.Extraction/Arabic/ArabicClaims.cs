using Marsad.Domain.Common;
using Marsad.Domain.Records;

namespace Marsad.Extraction.Arabic;

/// <summary>A statement a party made, read from Arabic: who, the statement's tokens [First, End), its English gloss and its kind.</summary>
public sealed record ArabicClaim(string Claimant, int ClaimantFirst, int ClaimantEnd, int First, int End, string Statement, string? Gloss, bool Denial, bool Responsibility)
{
    /// <summary>The figure of deaths the statement gives, if it gives one (used to check it against the report's own).</summary>
    public int? Killed { get; init; }
}

/// <summary>
/// Attributed statements in Arabic: a speech verb (قال، ذكر، أفاد، أعلن، أكد، زعم، نفى، تبنى) with a party beside it, an
/// actor of the lexicon or an official voice (a ministry, state media, a military source, an agency), and what it said
/// after "إن/أن" or as the verb's object to the sentence's end, or to the next speech verb. The observatory itself and
/// rescuers such as the Civil Defence are sources, not claimants. "أعلن … مسؤوليته عن" is a claim of responsibility;
/// "نفى" a denial. An observatory finding that rejects or confirms the statement later in the text sets the verdict.
/// </summary>
public static class ArabicClaims
{
    private enum Verb
    {
        Say,
        Deny,
        Claim,
    }

    private static readonly ArabicLexicon<Verb> Verbs = new(new Dictionary<string, Verb>
    {
        ["قال"] = Verb.Say, ["قالت"] = Verb.Say, ["ذكر"] = Verb.Say, ["ذكرت"] = Verb.Say, ["أفاد"] = Verb.Say, ["أفادت"] = Verb.Say, ["أعلن"] = Verb.Say, ["أعلنت"] = Verb.Say,
        ["أكد"] = Verb.Say, ["أكدت"] = Verb.Say, ["زعم"] = Verb.Say, ["زعمت"] = Verb.Say, ["ادعى"] = Verb.Say, ["ادعت"] = Verb.Say, ["أضاف"] = Verb.Say, ["أضافت"] = Verb.Say,
        ["أوضح"] = Verb.Say, ["أوضحت"] = Verb.Say, ["نشر"] = Verb.Say, ["نشرت"] = Verb.Say, ["بث"] = Verb.Say, ["بثت"] = Verb.Say, ["يقول"] = Verb.Say, ["تقول"] = Verb.Say,
        ["نفى"] = Verb.Deny, ["نفت"] = Verb.Deny, ["ينفي"] = Verb.Deny, ["تنفي"] = Verb.Deny,
        ["تبنى"] = Verb.Claim, ["تبنت"] = Verb.Claim, ["يتبنى"] = Verb.Claim, ["تتبنى"] = Verb.Claim,
    });

    // Official voices that are not actors of the lexicon; the English says whose voice it is.
    private static readonly ArabicLexicon<string> Voices = new(new Dictionary<string, string>
    {
        ["وزارة الدفاع السورية"] = "Syrian Ministry of Defence", ["وزارة الدفاع الروسية"] = "Russian Ministry of Defence", ["وزارة الدفاع التركية"] = "Turkish Ministry of Defence",
        ["وزارة الدفاع"] = "Ministry of Defence", ["وزارة الداخلية السورية"] = "Syrian Ministry of Interior", ["وزارة الداخلية"] = "Ministry of Interior",
        ["مصدر عسكري"] = "military source", ["مصدر أمني"] = "security source", ["مصادر عسكرية"] = "military sources", ["المصدر"] = "the source",
        ["الإعلام الرسمي السوري"] = "Syrian state media", ["الإعلام الرسمي"] = "state media", ["وسائل الإعلام الرسمية"] = "state media", ["وسائل إعلام النظام"] = "regime media", ["إعلام النظام"] = "regime media",
        ["وكالة الأنباء السورية"] = "SANA (Syrian state news agency)", ["وكالة سانا"] = "SANA (Syrian state news agency)", ["سانا"] = "SANA (Syrian state news agency)",
        ["التلفزيون السوري"] = "Syrian state television", ["التلفزيون الرسمي"] = "state television", ["الإعلام الروسي"] = "Russian media", ["الإعلام التركي"] = "Turkish media",
        ["وكالة أعماق"] = "Amaq (ISIS agency)", ["معرفات التنظيم"] = "Islamic State (Syria)", ["المعرفات الرسمية"] = "official channels",
        ["الجيش الإسرائيلي"] = "Military Forces of Israel (1948-)", ["المتحدث باسم"] = "spokesperson", ["الناطق باسم"] = "spokesperson", ["قيادة"] = "command",
    });

    // Who reports rather than claims: the observatory and rescuers.
    private static readonly ArabicLexicon<bool> Sources = new(new Dictionary<string, bool>
    {
        ["المرصد"] = true, ["المرصد السوري"] = true, ["مدير المرصد"] = true, ["نشطاء المرصد"] = true, ["مصادر المرصد"] = true, ["الدفاع المدني"] = true, ["الخوذ البيضاء"] = true,
        ["مصادر محلية"] = true, ["مصادر أهلية"] = true, ["ناشطون"] = true, ["نشطاء"] = true,
    });

    private static readonly ArabicLexicon<bool> Subordinators = new(new Dictionary<string, bool>
    {
        ["إن"] = true, ["أن"] = true, ["بأن"] = true, ["إنه"] = true, ["أنه"] = true, ["بأنه"] = true, ["إنها"] = true, ["أنها"] = true, ["بأنها"] = true,
    });

    // An observatory finding on a party's statement: "نفى المرصد"، "كذب"، "خلافا لما" reject it; "أكد المرصد صحة" confirms it.
    private static readonly ArabicLexicon<Verdict> Findings = new(new Dictionary<string, Verdict>
    {
        ["خلافا لما"] = Verdict.False, ["عكس ما"] = Verdict.False, ["كذب"] = Verdict.False, ["تكذيب"] = Verdict.False, ["عار عن الصحة"] = Verdict.False, ["لا صحة"] = Verdict.False,
        ["صحة"] = Verdict.True, ["تطابق"] = Verdict.True,
    });

    public static List<ArabicClaim> Find(ArabicToken[] tokens, string text, List<(int First, int End)> sentences)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        var claims = new List<ArabicClaim>();
        foreach (var (first, end) in sentences)
        {
            var verbs = new List<(int At, Verb Kind)>();
            for (var i = first; i < end; i++)
            {
                var (verb, length) = Verbs.Match(tokens, i, end);
                if (length > 0)
                {
                    verbs.Add((i, verb));
                }
            }

            for (var k = 0; k < verbs.Count; k++)
            {
                var (at, kind) = verbs[k];
                var stop = k + 1 < verbs.Count ? verbs[k + 1].At : end;
                if (Claimant(tokens, Math.Max(first, k > 0 ? verbs[k - 1].At + 1 : first), at, stop, claims) is not { } who)
                {
                    continue;
                }

                var from = Math.Max(at + 1, who.End);
                var responsibility = false;
                for (var j = at + 1; j < stop; j++)
                {
                    if (tokens[j].IsWord && tokens[j].Stem is "مسوليته" or "مسوليتها" or "مسووليته" or "مسووليتها" or "مسووليه" or "مسوليه")
                    {
                        (responsibility, from) = (true, j);
                        break;
                    }

                    if (j >= from && Subordinators.Match(tokens, j, stop).Length > 0)
                    {
                        from = j + 1;
                        break;
                    }
                }

                from = Math.Max(from, who.End);
                // "، وفق ما نقلت وكالة …،": an aside between the claimant and what it said is skipped by the subordinator search above.
                while (from < stop && !tokens[from].IsWord && !tokens[from].IsNumber)
                {
                    from++;
                }

                var to = stop;
                while (to > from && (tokens[to - 1].IsPunctuation || (to == stop && k + 1 < verbs.Count && tokens[to - 1].Norm is "و")))
                {
                    to--;
                }

                if (to - from < 2)
                {
                    continue;
                }

                var gloss = ArabicGloss.Of(tokens, from, to);
                var prefix = responsibility || kind == Verb.Claim ? "claimed responsibility: " : kind == Verb.Deny ? "denied: " : string.Empty;
                claims.Add(new ArabicClaim(who.Name, who.First, who.End, from, to, text[tokens[from].Start..tokens[to - 1].End], gloss is null ? null : prefix + gloss, kind == Verb.Deny, responsibility || kind == Verb.Claim)
                {
                    Killed = KilledIn(tokens, from, to),
                });
            }
        }

        return claims;
    }

    /// <summary>The verdict the text's own finding gives the claim: a later sentence naming the observatory with a rejecting or confirming phrase.</summary>
    public static (Verdict Verdict, int At) Finding(ArabicToken[] tokens, List<(int First, int End)> sentences, ArabicClaim claim)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(claim);
        foreach (var (first, end) in sentences.Where(s => s.End > claim.End))
        {
            var from = Math.Max(first, claim.End);
            var observatory = false;
            for (var i = from; i < end; i++)
            {
                observatory |= Sources.Match(tokens, i, end) is (true, > 0) && tokens[i].Stem == "مرصد";
            }

            for (var i = from; observatory && i < end; i++)
            {
                if (Findings.Match(tokens, i, end) is ({ } v, > 0))
                {
                    return (v, i);
                }
            }
        }

        return (Marsad.Domain.Records.Verdict.Unverified, -1);
    }

    private sealed record Who(string Name, int First, int End);

    // The party beside the verb: after it first (Arabic puts the subject after the verb), then before it in the same stretch.
    private static Who? Claimant(ArabicToken[] tokens, int before, int at, int stop, List<ArabicClaim> earlier)
    {
        for (var i = at + 1; i < stop && i <= at + 4; i++)
        {
            if (Party(tokens, i, stop, earlier) is var (found, name, length))
            {
                return found ? new Who(name!, i, i + length) : null;
            }
        }

        for (var i = at - 1; i >= before && i >= at - 6; i--)
        {
            if (Party(tokens, i, at, earlier) is var (found, name, length))
            {
                return found ? new Who(name!, i, i + length) : null;
            }
        }

        return null;
    }

    // (true, name) for a party, (false, null) for a source (the observatory: no claim), null for neither.
    private static (bool Found, string? Name, int Length)? Party(ArabicToken[] tokens, int i, int end, List<ArabicClaim> earlier)
    {
        if (Sources.Match(tokens, i, end) is (true, > 0))
        {
            return (false, null, 0);
        }

        var (voice, vl) = Voices.Match(tokens, i, end);
        if (vl > 0 && voice is not null)
        {
            // "أضاف المصدر": the source already quoted.
            if (voice == "the source" && earlier.Count > 0)
            {
                return (true, earlier[^1].Claimant, vl);
            }

            return voice == "the source" ? null : (true, voice, vl);
        }

        var (actor, al) = ArabicActors.Lexicon.Match(tokens, i, end);
        return al > 0 && actor is not null && !actor.IsCivilians && actor.Camp != "unknown" ? (true, actor.Name, al) : null;
    }

    // "11 عسكريا … ومدنيين اثنين قتلوا": the people a statement says were killed, summed over its counted nouns.
    private static int? KilledIn(ArabicToken[] tokens, int from, int to)
    {
        var death = false;
        for (var i = from; i < to; i++)
        {
            death |= tokens[i].IsWord && tokens[i].Stem is "قتلوا" or "قتل" or "مقتل" or "قتيلا" or "قتلي" or "استشهد" or "استشهاد" or "مصرع" or "حتفهم";
            if (tokens[i].IsWord && tokens[i].Stem is "جرح" or "اصابه" or "اصيب" or "اصيبوا" or "جرحي")
            {
                return null;
            }
        }

        if (!death)
        {
            return null;
        }

        var total = 0;
        for (var i = from; i < to; i++)
        {
            var (value, length) = ArabicNumbers.At(tokens, i);
            if (length > 0 && value > 0 && (Near(tokens, i - 1, to) || Near(tokens, i + length, to)))
            {
                total += value;
                i += length - 1;
            }
            else if (length == 0 && ArabicNumbers.PersonCount(tokens[i]) == 2 && !(i + 1 < to && ArabicNumbers.At(tokens, i + 1).Length > 0))
            {
                total += 2;
            }
        }

        return total > 0 ? total : null;
    }

    private static bool Near(ArabicToken[] tokens, int i, int to) =>
        i >= 0 && i < to && tokens[i].IsWord && (ArabicNumbers.PersonCount(tokens[i]) > 0 || tokens[i].Stem is "عناصر" or "مدنيين" or "اشخاص" or "عسكريين" or "جنود" or "مقاتلين" or "مدنيا" or "عسكريا" or "شخصا");

    /// <summary>The claim as the contract holds it: the Arabic statement, its gloss, the verdict and the evidence.</summary>
    public static Claim ToClaim(ArabicClaim c, ArabicToken[] tokens, (Verdict Verdict, int At) finding, Guid id)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(tokens);
        var spans = new Dictionary<string, TextSpan>(StringComparer.Ordinal)
        {
            ["claimant"] = new(tokens[c.ClaimantFirst].Start, tokens[c.ClaimantEnd - 1].End),
            ["statement"] = new(tokens[c.First].Start, tokens[c.End - 1].End),
        };
        if (finding.At >= 0)
        {
            spans["verdict"] = new TextSpan(tokens[finding.At].Start, tokens[finding.At].End);
        }

        return new Claim
        {
            Id = id,
            Claimant = c.Claimant,
            Statement = c.Statement,
            Gloss = c.Gloss,
            Verdict = finding.Verdict,
            VerdictReason = finding.At >= 0 ? "the observatory's own finding later in the text" : null,
            VerdictBy = finding.At >= 0 ? "source" : null,
            Evidence = new Evidence(spans),
        };
    }
}
