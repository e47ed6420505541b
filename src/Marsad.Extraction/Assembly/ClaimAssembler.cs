using Marsad.Domain.Records;
using Marsad.Extraction.Recognition.Dates;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Assembly;

/// <summary>
/// A sentence that reports a party's claim and denies it ("reports circulated on regime media ... were completely
/// untrue") becomes a claim with verdict false; the claimed event is not an event.
/// </summary>
internal static class ClaimAssembler
{
    private static readonly WordSet ClaimantQualifiers = new("regime", "Russian", "Turkish", "Iranian", "state", "official", "opposition", "Kurdish", "pro-regime", "local", "social", "Syrian", "Israeli", "Western", "Arab");

    public static List<Claim> Assemble(DocumentFacts doc, Func<string, int, Guid> ids)
    {
        var claims = new List<Claim>();
        var handled = new HashSet<int>();
        foreach (var s in doc.Sentences)
        {
            if (!s.Stance.Denial)
            {
                continue;
            }

            var v = doc.View;
            var from = s.Sentence.FirstToken;
            var to = s.Sentence.EndToken;
            var mediaAt = -1;
            for (var i = from; i < to; i++)
            {
                if (v.IsAny(i, ["media", "outlets", "channels", "websites", "news"]))
                {
                    mediaAt = i;
                    break;
                }
            }

            var claimant = "unnamed source";
            var statementFrom = from;
            if (mediaAt >= 0)
            {
                var first = v.IsAny(mediaAt - 1, ClaimantQualifiers) ? mediaAt - 1 : mediaAt;
                claimant = v.Slice(first, mediaAt + 1);
                statementFrom = mediaAt + 1;
                while (statementFrom < to && v.IsAny(statementFrom, ["outlets", "channels", "on", "about", "that", "of", "regarding", ","]))
                {
                    statementFrom++;
                }
            }

            // The statement runs up to the verb that the denial qualifies ("were completely untrue").
            var statementTo = s.Stance.DenialToken;
            while (statementTo > statementFrom && !v.IsAny(statementTo - 1, ["were", "was", "is", "are"]))
            {
                statementTo--;
            }

            statementTo = statementTo > statementFrom ? statementTo - 1 : s.Stance.DenialToken;
            while (statementTo > statementFrom && v.IsPunct(statementTo - 1, ','))
            {
                statementTo--;
            }

            var statement = v.Slice(statementFrom, statementTo);
            if (string.IsNullOrWhiteSpace(statement))
            {
                continue;
            }

            var verdict = v.IsAny(s.Stance.DenialToken, ["misleading"]) ? Verdict.Misleading : Verdict.False;
            var decidedBy = DecidedBy(v, from, mediaAt >= 0 ? mediaAt : s.Stance.DenialToken);
            var date = s.Dates.FirstOrDefault(d => d.Kind != DateKind.Period)?.Span.Start;
            claims.Add(new Claim
            {
                Id = ids(nameof(Claim), claims.Count),
                Claimant = claimant,
                Statement = statement,
                Verdict = verdict,
                Date = date,
                VerdictReason = v.Slice(from, to),
                VerdictBy = decidedBy,
                VerdictOn = decidedBy is null ? null : date,
                Evidence = new Domain.Common.Evidence([new("claim", new Domain.Common.TextSpan(s.Sentence.Start, s.Sentence.End))]),
            });
            handled.Add(s.Sentence.Index);
        }

        claims.AddRange(AttributedClaims.Find(doc, handled, ids, claims.Count));
        return claims;
    }

    // Who found the claim untrue: the named sources before it ("reliable X sources confirmed that ..."), if any.
    private static string? DecidedBy(TokenView v, int from, int to)
    {
        for (var i = from + 1; i < to; i++)
        {
            if (!v.IsAny(i, ["sources", "source"]))
            {
                continue;
            }

            var first = i;
            while (first > from && v.IsCapitalised(first - 1) && !v.IsPunct(first - 1, ','))
            {
                first--;
            }

            return first < i ? v.Slice(first, i + 1) : null;
        }

        return null;
    }
}
