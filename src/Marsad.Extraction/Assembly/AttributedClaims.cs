using Marsad.Domain.Common;
using Marsad.Domain.Records;
using Marsad.Extraction.Recognition.Dates;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Assembly;

/// <summary>
/// Statements a report attributes to a party: "the Ministry of Defence stated: ...", "X announced the death of ...",
/// "according to X, ...", "X circulated false news about ...", and the observer's own denials of them ("sources denied
/// the news circulated by X about ..."). A claim is <c>unverified</c> unless the report denies it (<c>false</c>): a
/// denial in the same report whose party shares a name with the claimant counts. The report's own sources (the
/// observatory, its activists) make reports, not claims.
/// </summary>
internal static class AttributedClaims
{
    private static readonly WordSet SayingVerbs = new("said", "says", "stated", "states", "claimed", "claims", "announced", "announces", "alleged", "declared", "reported", "published", "circulated", "spread", "confirmed");
    private static readonly WordSet DenialVerbs = new("denied", "denies", "refuted", "refutes", "debunked");
    private static readonly WordSet FalseWords = new("false", "fake", "fabricated", "untrue", "baseless");
    private static readonly WordSet ObserverWords = new("SOHR", "Observatory", "activists", "we", "our");
    private static readonly WordSet PartyWords = new("ministry", "minister", "agency", "media", "news", "authorities", "spokesman", "spokesperson", "spokesmen", "command", "government",
        "army", "forces", "channel", "outlet", "outlets", "newspaper", "correspondent", "officials", "official", "sources", "statement", "presidency", "coalition", "militias", "factions");
    private static readonly WordSet NewsWords = new("news", "circulated", "circulating", "published", "spread", "announced", "announcement", "announcements", "claim", "claims", "claimed",
        "report", "reports", "reported", "statement", "statements", "posted", "promoted", "broadcast", "allegations", "alleged", "rumours", "rumors", "issued", "made");
    private static readonly WordSet StatementOpeners = new("that", "about", "regarding", "on", "of", ":", "the", "news", "reports", "report", "a", "an");

    public static List<Claim> Find(DocumentFacts doc, IReadOnlyCollection<int> handledSentences, Func<string, int, Guid> ids, int firstIndex)
    {
        var v = doc.View;
        var found = new List<(Claim Claim, string Party)>();
        foreach (var s in doc.Sentences)
        {
            if (handledSentences.Contains(s.Sentence.Index) || doc.Paragraphs[s.Sentence.Paragraph].IsHeading)
            {
                continue;
            }

            // A party or a statement that trims to nothing, or to a scrap of words, is no claim.
            if (Read(v, s) is { } c && !string.IsNullOrWhiteSpace(c.Claimant) && IsStatement(c.Statement))
            {
                var date = s.Dates.FirstOrDefault(d => d.Kind != DateKind.Period && !d.Span.IsUnresolved)?.Span.Start;
                found.Add((new Claim
                {
                    Id = ids(nameof(Claim), firstIndex + found.Count),
                    Claimant = c.Claimant,
                    Statement = c.Statement,
                    Verdict = c.Verdict,
                    Date = date,
                    VerdictReason = c.Verdict == Verdict.False ? v.Slice(s.Sentence.FirstToken, s.Sentence.EndToken) : null,
                    Evidence = new Evidence([new("claim", new TextSpan(s.Sentence.Start, s.Sentence.End))]),
                }, c.Claimant));
            }
        }

        // A party's statement that the same report denies elsewhere is false.
        var denied = found.Where(f => f.Claim.Verdict == Verdict.False).SelectMany(f => NameWords(f.Party)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. found.Select(f => f.Claim.Verdict == Verdict.Unverified && NameWords(f.Party).Any(denied.Contains) ? f.Claim with { Verdict = Verdict.False } : f.Claim)];
    }

    private static readonly string[] Conjunctions = ["and ", "but ", "while ", "or ", "which ", "who "];

    // A statement says something: at least three words, not a heading or a markup line ("## ..."), and not a clause
    // joined on after a noun that looks like a saying verb ("the emir of its states, and he was ...").
    private static bool IsStatement(string? statement)
    {
        if (string.IsNullOrWhiteSpace(statement))
        {
            return false;
        }

        var text = statement.Trim();
        if (text[0] is '#' or '*' or '|' or '>' || Conjunctions.Any(c => text.StartsWith(c, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) >= 3;
    }

    private static IEnumerable<string> NameWords(string party) =>
        party.Split([' ', '-', ',', '“', '”', '"'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3 && char.IsUpper(w[0]));

    private static (string Claimant, string Statement, Verdict Verdict)? Read(TokenView v, SentenceFacts s)
    {
        var (from, to) = (s.Sentence.FirstToken, s.Sentence.EndToken);
        for (var i = from; i < to; i++)
        {
            // "according to X, S"
            if (v.IsSequence(i, ["according", "to"]))
            {
                var end = i + 2;
                while (end < to && !v.IsPunct(end, ','))
                {
                    end++;
                }

                if (IsParty(v, i + 2, end) && end + 1 < to)
                {
                    return (Party(v, i + 2, end), v.Slice(end + 1, to).TrimEnd('.'), Verdict.Unverified);
                }

                continue;
            }

            var denial = v.IsAny(i, DenialVerbs);
            if (!denial && !v.IsAny(i, SayingVerbs))
            {
                continue;
            }

            var subjectFrom = Math.Max(from, i - 8);
            var observer = HasAny(v, subjectFrom, i, ObserverWords);
            if (denial && observer)
            {
                // "SOHR sources denied the news circulated by X about S": X's claim, false.
                var by = Find(v, i + 1, to, ["by", "about", "from"]);
                // "denied the news regarding an attack by X": X acts in the story; only "news circulated by X", "the
                // announcement by X", "reports from X" name who made the claim.
                while (by >= 0 && v.Is(by, "by") && !v.IsAny(by - 1, NewsWords))
                {
                    by = Find(v, by + 1, to, ["by", "about", "from"]);
                }

                if (by < 0)
                {
                    return null;
                }

                var partyEnd = by + 1;
                while (partyEnd < to && !v.IsAny(partyEnd, ["that", "about", "regarding", "saying", "claiming"]) && !v.IsPunct(partyEnd, ',') && partyEnd - by < 8)
                {
                    partyEnd++;
                }

                var statementFrom = Skip(v, partyEnd, to);
                return IsParty(v, by + 1, partyEnd) && statementFrom < to ? (Party(v, by + 1, partyEnd), Statement(v, statementFrom, to), Verdict.False) : null;
            }

            if (observer || denial || !IsParty(v, subjectFrom, i))
            {
                continue;
            }

            var first = SubjectStart(v, from, i);
            if (v.Is(first - 1, "as"))
            {
                continue; // "as regime media claimed": a reference to a claim, read where the claim is stated
            }

            var isFalse = HasAny(v, i + 1, Math.Min(to, i + 3), FalseWords);
            var start = Skip(v, i + 1, to);
            if (start >= to || to - start < 4)
            {
                continue;
            }

            return (Party(v, first, i), Statement(v, start, to), isFalse ? Verdict.False : Verdict.Unverified);
        }

        return null;
    }

    // The subject: back from the verb to the sentence start, a comma, or a clause word.
    private static int SubjectStart(TokenView v, int from, int verb)
    {
        var k = verb;
        while (k > from && !v.IsPunct(k - 1, ',') && !v.IsAny(k - 1, ["while", "however", "and", "but", "that", "context", "as"]) && verb - k < 8)
        {
            k--;
        }

        return k;
    }

    private static string Party(TokenView v, int from, int to)
    {
        while (from < to && (v.IsAny(from, ["the", "a", "an", "by", "of"]) || v.Tokens[from].Kind == TokenKind.Punctuation))
        {
            from++;
        }

        while (to > from && (v.IsAny(to - 1, ["have", "has", "had", "was", "were", "also", "on", "the"]) || v.Tokens[to - 1].Kind == TokenKind.Punctuation))
        {
            to--;
        }

        return v.Slice(from, to);
    }

    private static string Statement(TokenView v, int from, int to)
    {
        // The statement ends where the report turns to its own comment: ", where ...", "; however ...".
        for (var k = from + 3; k < to; k++)
        {
            if ((v.IsPunct(k, ',') && v.IsAny(k + 1, ["where", "while", "however", "whereas"])) || v.IsPunct(k, ';'))
            {
                to = k;
                break;
            }
        }

        return v.Slice(from, to).Trim().TrimEnd('.', ',').Trim('“', '”', '"', ' ');
    }

    private static int Skip(TokenView v, int k, int to)
    {
        while (k < to && (v.IsAny(k, StatementOpeners) || v.IsAny(k, FalseWords) || v.Tokens[k].Kind == TokenKind.Punctuation))
        {
            k++;
        }

        return k;
    }

    private static bool IsParty(TokenView v, int from, int to)
    {
        if (to <= from || HasAny(v, from, to, ObserverWords))
        {
            return false;
        }

        return HasAny(v, from, to, PartyWords) || Enumerable.Range(from, to - from).Any(k => v.IsCapitalised(k) && k > from);
    }

    private static bool HasAny(TokenView v, int from, int to, WordSet words)
    {
        for (var k = from; k < to; k++)
        {
            if (v.IsAny(k, words))
            {
                return true;
            }
        }

        return false;
    }

    private static int Find(TokenView v, int from, int to, ReadOnlySpan<string> words)
    {
        for (var k = from; k < to; k++)
        {
            if (v.IsAny(k, words))
            {
                return k;
            }
        }

        return -1;
    }
}
