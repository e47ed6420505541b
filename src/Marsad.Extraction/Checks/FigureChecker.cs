using System.Collections.Immutable;
using System.Globalization;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Extraction.Assembly;
using Marsad.Extraction.Recognition.Quantities;

namespace Marsad.Extraction.Checks;

/// <summary>
/// Figures in one report that disagree: a headline count against the body's total for the same thing ("250 trucks"
/// against "240 trucks"), and an aggregate's stated number of incidents against the dates it lists. Every
/// disagreement is reported; none is silently resolved.
/// </summary>
internal static class FigureChecker
{
    public static List<FigureCheck> Check(DocumentFacts doc, IReadOnlyList<ConflictEvent> events)
    {
        var checks = new List<FigureCheck>();
        var headline = doc.Paragraphs.FirstOrDefault();
        if (headline is { IsHeading: true } && doc.Title is not null)
        {
            foreach (var q in doc.In(headline).SelectMany(s => s.Quantities))
            {
                CheckHeadline(q, events, checks);
            }
        }

        checks.AddRange(BreakdownChecker.Check(doc.Text));
        checks.AddRange(StatedTotals.TotalAgainstLines(doc, checks));
        checks.AddRange(StatedTotals.HeadlineAgainstLede(doc, checks));
        foreach (var e in events)
        {
            if (e.Aggregate is { Dates.Length: > 0 } a && a.Dates.Length != a.Incidents)
            {
                var span = e.Evidence.Spans.TryGetValue("event", out var s) ? s : new TextSpan(0, 0);
                checks.Add(new FigureCheck("count_mismatch", string.Create(CultureInfo.InvariantCulture, $"{a.Incidents} incidents stated; {a.Dates.Length} dates listed"), [span]));
            }
        }

        return checks;
    }

    // "nearly 25" in a headline against 23 in the body is the same figure rounded, not a disagreement; a figure off by
    // more than this share of the stated one still is ("nearly 27" against 72).
    private const int ApproximateTolerancePercent = 15;

    private static bool Approximate(QuantityMention q) =>
        q.Value.Low != q.Value.High || q.Value.Text is { } t && ApproximateWords.Any(w => t.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] ApproximateWords = ["nearly", "almost", "about", "around", "approximately", "roughly", "some", "over", "more than", "at least"];

    private static void CheckHeadline(QuantityMention q, IReadOnlyList<ConflictEvent> events, List<FigureCheck> checks)
    {
        if (q.Value.Best is not { } stated)
        {
            return;
        }

        // "the arrest and killing of 55 people" is checked against arrests plus deaths.
        string[] names = q.Name == "arrested_or_killed" ? [Quantities.Names.Arrested, Quantities.Names.Fatalities] : q.Name == "casualties" ? [Quantities.Names.Fatalities, Quantities.Names.Injured] : [q.Name];
        var parts = events.SelectMany(e => names.Select(n => (e, n))).Where(x => x.e.Quantities.TryGetValue(x.n, out var v) && v.Best is not null).ToList();
        if (parts.Count == 0)
        {
            return;
        }

        var body = parts.Sum(x => x.e.Quantities[x.n].Best!.Value);
        if (body == stated || (Approximate(q) && Math.Abs(body - stated) * 100 <= stated * ApproximateTolerancePercent))
        {
            return;
        }

        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        spans.Add(new TextSpan(q.Start, q.End));
        foreach (var (e, n) in parts)
        {
            if (e.Evidence.Spans.TryGetValue(n, out var s))
            {
                spans.Add(s);
            }
        }

        checks.Add(new FigureCheck("figure_mismatch", string.Create(CultureInfo.InvariantCulture, $"headline: {stated} ({q.Value.Text}); body: {body} {string.Join(" + ", names)}"), spans.ToImmutable()));
    }
}
