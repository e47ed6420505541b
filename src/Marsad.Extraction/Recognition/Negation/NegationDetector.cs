using Marsad.Extraction.Text;

namespace Marsad.Extraction.Recognition.Negation;

/// <summary>What a sentence says about the truth of what it reports.</summary>
public readonly record struct SentenceStance(bool Denial, bool ReportsClaim, bool Commentary, int DenialToken);

/// <summary>
/// Denials ("were completely untrue", "denied", "fabricated"), reported claims ("reports circulated on regime media",
/// "as X claimed"), commentary (appeals, warnings, counterfactuals) and negated triggers ("no clashes", "did not attack").
/// </summary>
public static class NegationDetector
{
    private static readonly WordSet DenialWords = new("untrue", "false", "fabricated", "baseless", "fake", "unfounded", "denied", "denies", "refuted", "debunked", "misleading", "rumours", "rumors", "incorrect", "groundless");
    private static readonly WordSet ClaimWords = new("reports", "claimed", "claims", "claim", "circulated", "alleged", "allegations", "rumours", "rumors", "media", "news");
    private static readonly WordSet CommentaryWords = new("stresses", "stressed", "appeals", "appeal", "urges", "urged", "warns", "warned", "remind", "calls", "renews", "renew", "demands", "condemns", "concerns", "worth");
    private static readonly WordSet NegationWords = new("no", "not", "without", "never", "nor", "neither");

    public static SentenceStance Analyse(TokenView view, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(view);
        var denial = -1;
        var claim = false;
        var commentary = false;
        for (var i = from; i < to; i++)
        {
            if (denial < 0 && (view.IsAny(i, DenialWords) || (view.Is(i, "not") && view.Is(i + 1, "true"))))
            {
                denial = i;
            }

            claim |= view.IsAny(i, ClaimWords);
            commentary |= view.IsAny(i, CommentaryWords)
                          || view.IsSequence(i, ["could", "have", "been"]) || view.IsSequence(i, ["would", "have", "been"])
                          || view.IsSequence(i, ["if", "the"]) && view.IsAny(i + 3, ["had"])
                          // "This attack is similar to the one on X", "reminiscent of": a comparison with another incident.
                          || (i == from + 2 && view.IsAny(from, ["this", "these"]) && view.IsAny(i - 1, ["is", "was", "are", "were"])
                              && (view.IsSequence(i, ["similar", "to"]) || view.IsSequence(i, ["reminiscent", "of"])));
        }

        return new SentenceStance(denial >= 0 && claim, claim, commentary, denial);
    }

    /// <summary>True when the trigger at <paramref name="i"/> is negated: "no clashes", "did not attack", "without fighting".</summary>
    public static bool IsNegated(TokenView view, int i, int from)
    {
        ArgumentNullException.ThrowIfNull(view);
        for (var k = i - 1; k >= from && k >= i - 3; k--)
        {
            if (view.IsAny(k, NegationWords))
            {
                return true;
            }

            if (view.Tokens[k].Kind == TokenKind.Punctuation)
            {
                return false;
            }
        }

        return false;
    }
}
