using System.Globalization;
using Marsad.Domain.Common;
using Marsad.Domain.Records;
using Marsad.Extraction.Assembly;
using Marsad.Extraction.Text;

namespace Marsad.Extraction.Checks;

/// <summary>
/// One party's toll told two ways in one report: the claim as the report sums it up ("eight guards were killed")
/// against the party's own quoted words ("we neutralised eleven attackers"). Statements of the same party and day are
/// compared when each gives a single toll; a difference is a figure check, never silently resolved.
/// </summary>
internal static class ClaimFigures
{
    // Military statements count enemy losses as "neutralised": killed, wounded or captured. Set against another
    // statement's "killed" by the same party, the two figures are that party's one toll.
    private static readonly WordSet NeutralisedWords = new("neutralized", "neutralised", "neutralizing", "neutralising");

    public static IEnumerable<FigureCheck> Check(DocumentFacts doc, IReadOnlyList<Claim> claims)
    {
        var tolls = new List<(Claim Claim, int Toll, TextSpan Span)>();
        foreach (var c in claims)
        {
            if (Toll(doc, c) is { } t)
            {
                tolls.Add((c, t.Value, t.Span));
            }
        }

        for (var i = 0; i < tolls.Count; i++)
        {
            for (var j = i + 1; j < tolls.Count; j++)
            {
                var (a, b) = (tolls[i], tolls[j]);
                if (a.Toll != b.Toll && a.Claim.Date == b.Claim.Date && SameParty(a.Claim.Claimant, b.Claim.Claimant))
                {
                    yield return new FigureCheck("figure_mismatch",
                        string.Create(CultureInfo.InvariantCulture, $"{a.Claim.Claimant}: {a.Toll} killed in one statement, {b.Toll} in another ({b.Claim.Claimant})"),
                        [a.Span, b.Span]);
                }
            }
        }
    }

    // Two names of one party share at least two of their capitalised words, compared by their first letters so that
    // "Minister" and "Ministry" agree ("Turkish Minister of Defence", "Turkish Ministry of Defence"); one shared word
    // ("Turkish") can be two different speakers.
    private static bool SameParty(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var words = Stems(a).ToHashSet(StringComparer.Ordinal);
        return Stems(b).Distinct(StringComparer.Ordinal).Count(words.Contains) >= 2;
    }

    private const int StemLength = 6;

    private static IEnumerable<string> Stems(string party) =>
        party.Split([' ', '-', ',', '"', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3 && char.IsUpper(w[0]))
            .Select(w => w[..Math.Min(StemLength, w.Length)].ToLowerInvariant());

    // The single toll a statement gives, or null when it gives none or several.
    private static (int Value, TextSpan Span)? Toll(DocumentFacts doc, Claim claim)
    {
        if (!claim.Evidence.Spans.TryGetValue("claim", out var sentence))
        {
            return null;
        }

        var at = doc.Text.IndexOf(claim.Statement, sentence.Start, sentence.End - sentence.Start, StringComparison.Ordinal);
        var (from, to) = at >= 0 ? (at, at + claim.Statement.Length) : (sentence.Start, sentence.End);
        var found = new List<(int Value, TextSpan Span)>();
        foreach (var s in doc.Sentences.Where(s => s.Sentence.Start < to && s.Sentence.End > from))
        {
            found.AddRange(s.Quantities
                .Where(q => q.Name == Quantities.Names.Fatalities && !q.Coded && q.Start >= from && q.End <= to && q.Value.Low == q.Value.High && q.Value.Best is not null)
                .Select(q => (q.Value.Best!.Value, new TextSpan(q.Start, q.End))));
        }

        var v = doc.View;
        var tokens = v.Tokens;
        for (var k = v.TokenAt(from); k >= 0 && k < tokens.Length && tokens[k].Start < to; k++)
        {
            if (v.IsAny(k, NeutralisedWords) && NumberWords.TryCardinal(v.Text, tokens, k + 1, out var n, out var len) && tokens[k + len].End <= to)
            {
                found.Add((n, new TextSpan(tokens[k].Start, tokens[k + len].End)));
            }
        }

        return found.Select(f => f.Value).Distinct().Count() == 1 ? found[0] : null;
    }
}
