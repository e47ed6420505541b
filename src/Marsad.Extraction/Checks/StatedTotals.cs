using System.Globalization;
using Marsad.Domain.Common;
using Marsad.Extraction.Assembly;
using Marsad.Extraction.Recognition.Dates;
using Marsad.Extraction.Recognition.Quantities;

namespace Marsad.Extraction.Checks;

/// <summary>
/// Stated totals read by the quantity recogniser rather than by list shape:
/// <list type="bullet">
/// <item>a toll in the headline against the toll the body first states ("kill and injure 20" against "five dead" and
/// "14 injured"; "nearly 30 deaths" against "the death of 63");</item>
/// <item>a stated toll followed by one line per period or region, each with its own toll ("left 21 people dead …
/// distributed as follows" over lines of 3, 8, 0, 6 and 3 dead).</item>
/// </list>
/// Only exact disagreements, or approximate ones off by more than a tolerance, are raised.
/// </summary>
internal static class StatedTotals
{
    // "nearly 25" against 23 is the same figure rounded; "nearly 27" against 72 is not.
    private const int ApproximateTolerancePercent = 15;

    private static readonly string[] ApproximateWords = ["nearly", "almost", "about", "around", "approximately", "roughly", "some", "over", "more than", "at least", "dozens", "hundreds", "up to"];

    private static bool Approximate(QuantityMention q) =>
        q.Value.Low != q.Value.High || q.Value.Best is null || q.Value.Text is { } t && ApproximateWords.Any(w => t.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static bool Disagree(int stated, bool approximate, int body) =>
        body != stated && (!approximate || Math.Abs(body - stated) * 100 > stated * ApproximateTolerancePercent);

    /// <summary>The headline's tolls against the first body paragraph that states one.</summary>
    public static List<FigureCheck> HeadlineAgainstLede(DocumentFacts doc, IReadOnlyList<FigureCheck> already)
    {
        var checks = new List<FigureCheck>();
        var first = doc.Paragraphs.TakeWhile(p => p.IsHeading && !doc.IsListItem(p)).ToList();
        if (first.Count == 0 || first.Count == doc.Paragraphs.Count)
        {
            return checks;
        }

        // A title bar repeats the headline: one figure of one kind is checked once.
        var seen = new HashSet<(string, int)>();
        var body = doc.Paragraphs.Skip(first.Count).Where(p => !p.IsHeading && !doc.IsListItem(p)).ToList();
        foreach (var q in first.SelectMany(p => doc.In(p)).SelectMany(s => s.Quantities))
        {
            // A figure the events check already flagged is not raised twice.
            if (q.Value.Best is not { } stated || stated < 2 || !seen.Add((q.Name, stated)) || already.Any(c => c.Evidence.Any(s => s.Start <= q.Start && q.End <= s.End)))
            {
                continue;
            }

            string[] names = q.Name == "casualties" ? [Quantities.Names.Fatalities, Quantities.Names.Injured] : q.Name is Quantities.Names.Fatalities or Quantities.Names.Injured ? [q.Name] : [];
            if (names.Length == 0)
            {
                continue;
            }

            // The lede: the first body paragraph stating any of the headline's kinds; each kind's first figure there.
            // Only a tally ("recorded the deaths of 45 people over March") states the body's total; an incident's
            // toll in the lede is one part of what the headline counts.
            var lede = body.Select(p => TallyQuantities(doc, p, names)).FirstOrDefault(ms => ms.Count > 0);
            if (lede is null)
            {
                continue;
            }

            var parts = names.Select(n => lede.FirstOrDefault(m => m.Name == n)).ToList();
            if (parts.Any(p => p is null || Approximate(p)))
            {
                continue;
            }

            var sum = parts.Sum(p => p!.Value.Best!.Value);
            if (Disagree(stated, Approximate(q), sum))
            {
                var spans = new List<TextSpan> { new(q.Start, q.End) };
                spans.AddRange(parts.Select(p => new TextSpan(p!.Start, p.End)));
                checks.Add(new FigureCheck("figure_mismatch", string.Create(CultureInfo.InvariantCulture, $"headline: {stated} ({q.Value.Text}); body states {string.Join(" + ", parts.Select(p => p!.Value.Best))} = {sum} {string.Join(" + ", names)}"), [.. spans]));
            }
        }

        return checks;
    }

    /// <summary>
    /// A paragraph's tally of the given kinds: from its first tally sentence on. A tally is a sentence marked not-event
    /// (a running count), or one that states a toll over a month or longer and names no place ("documented the death of
    /// 45 people in May"): a toll of one incident has a place. A sentence after the tally that names no place completes
    /// it ("In addition, 14 people were injured"); the first sentence with a place ends it.
    /// </summary>
    private static List<QuantityMention> TallyQuantities(DocumentFacts doc, Segmentation.Paragraph p, string[] names)
    {
        var found = new List<QuantityMention>();
        var started = false;
        foreach (var s in doc.In(p))
        {
            var wanted = s.Quantities.Where(m => names.Contains(m.Name) && m.Value.Best is > 0).ToList();
            if (!started)
            {
                started = wanted.Count > 0 && (doc.IsNotEvent(s) || (s.Places.Count == 0 && s.Dates.Any(d => d.Kind == DateKind.Period || d.Span.Precision >= TimePrecision.Month)));
            }
            else if (s.Places.Count > 0)
            {
                break;
            }

            if (started)
            {
                foreach (var m in wanted)
                {
                    if (!found.Exists(f => f.Name == m.Name))
                    {
                        found.Add(m);
                    }
                }
            }
        }

        return found;
    }

    // A line's toll counts people: "Three attacks left three people dead" is 3 dead, not 3 attacks; "Ten attacks killed"
    // (the count is of attacks) gives no toll, and the line's next mention ("killed eight people") does.
    private static (int Value, bool Approximate)? PersonCount(QuantityMention q)
    {
        if (q.Value.Text is not { } text)
        {
            return q.Value.Best is { } b ? (b, Approximate(q)) : null;
        }

        int? value = null;
        foreach (System.Text.RegularExpressions.Match m in BreakdownChecker.Cardinal().Matches(text))
        {
            var after = text[(m.Index + m.Length)..].TrimStart();
            if (!EventNouns.Any(n => after.StartsWith(n, StringComparison.OrdinalIgnoreCase)))
            {
                value = BreakdownChecker.Value(m);
            }
        }

        return value is { } v ? (v, Approximate(q)) : null;
    }

    private static readonly string[] EventNouns = ["attack", "operation", "strike", "raid", "explosion", "incident", "bombing", "assassination", "ambush"];

    /// <summary>A stated toll against the tolls of the list lines that follow it, one line per period or region.</summary>
    public static List<FigureCheck> TotalAgainstLines(DocumentFacts doc, IReadOnlyList<FigureCheck> already)
    {
        var checks = new List<FigureCheck>();
        for (var i = 0; i < doc.Paragraphs.Count - 2; i++)
        {
            var p = doc.Paragraphs[i];
            var text = doc.Text.AsSpan(p.Start, p.End - p.Start).TrimEnd();
            if (p.IsHeading || doc.IsListItem(p) || text.Length == 0 || text[^1] != ':')
            {
                continue;
            }

            // The total: the last sentence's first exact toll (an "including …" count comes after it).
            var last = doc.In(p).LastOrDefault();
            var total = last?.Quantities.FirstOrDefault(q => q.Name == Quantities.Names.Fatalities);
            if (total is null || total.Value.Best is not { } stated || stated < 2 || Approximate(total)
                || already.Any(c => c.Evidence.Any(s => s.Start <= total.Start && total.End <= s.End)))
            {
                continue;
            }

            var lines = doc.Paragraphs.Skip(i + 1).TakeWhile(doc.IsListItem).ToList();
            var tolls = lines.Select(l => doc.In(l).SelectMany(s => s.Quantities).Where(q => q.Name == Quantities.Names.Fatalities).Select(PersonCount).FirstOrDefault(v => v is not null)).ToList();
            // Lines that each give a toll: at least two of them, and every toll exact.
            if (lines.Count < 2 || tolls.Count(t => t is not null) < 2 || tolls.Any(t => t is { Approximate: true }))
            {
                continue;
            }

            var values = tolls.Select(t => t?.Value ?? 0).ToList();
            var sum = values.Sum();
            if (sum != stated)
            {
                checks.Add(new FigureCheck(
                    "figure_mismatch",
                    string.Create(CultureInfo.InvariantCulture, $"stated toll {stated}; its lines give {string.Join(" + ", values)} = {sum}"),
                    [new TextSpan(total.Start, total.End), new TextSpan(lines[0].Start, lines[^1].End)]));
            }
        }

        return checks;
    }
}
