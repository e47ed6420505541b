using System.Globalization;
using System.Text.RegularExpressions;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Extraction.Arabic;

/// <summary>
/// Figures in one Arabic report that disagree, reported and never resolved: a party's death toll against the report's
/// own for the same attack, the headline's toll against every toll of the body, and a local time against the GMT time
/// given beside it (Syria is two or three hours ahead of GMT).
/// </summary>
public static partial class ArabicChecks
{
    public static List<FigureCheck> Check(string text, ArabicToken[] tokens, IReadOnlyList<ConflictEvent> events, IReadOnlyList<(ArabicClaim Claim, Claim Record)> claims, (int First, int End)? headline)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(claims);
        var checks = new List<FigureCheck>();
        var tolls = events.Select(e => (Event: e, Dead: e.Quantities.TryGetValue(Quantities.Names.Fatalities, out var q) ? q.Low : null))
            .Where(x => x.Dead is > 0).ToList();
        foreach (var (claim, record) in claims)
        {
            if (claim.Killed is not { } said || tolls.Count == 0)
            {
                continue;
            }

            // The attack the party speaks of: the last one with a toll before its statement, else the first after.
            var at = tokens[claim.First].Start;
            var own = tolls.Where(x => Start(x.Event) <= at).Select(x => ((ConflictEvent, int?)?)x).LastOrDefault() ?? tolls[0];
            if (own.Item2 is { } dead && dead != said)
            {
                checks.Add(new FigureCheck("figure_mismatch", string.Create(CultureInfo.InvariantCulture, $"report: {dead} killed; {record.Claimant}: {said} killed"),
                    [Span(own.Item1), new TextSpan(tokens[claim.First].Start, tokens[claim.End - 1].End)]));
            }
        }

        if (headline is var (hFirst, hEnd) && HeadlineToll(tokens, hFirst, hEnd) is { } stated && tolls.Count > 0)
        {
            var sum = tolls.Sum(x => x.Dead!.Value);
            // The headline may sum the body up or name one of its attacks: only a figure that is neither is a mismatch.
            if (sum != stated && !tolls.Exists(x => x.Dead == stated))
            {
                checks.Add(new FigureCheck("figure_mismatch", string.Create(CultureInfo.InvariantCulture, $"headline: {stated} killed; body: {sum} killed"),
                    [new TextSpan(tokens[hFirst].Start, tokens[hEnd - 1].End), .. tolls.Select(x => Span(x.Event))]));
            }
        }

        foreach (Match m in LocalAndGmt().Matches(text))
        {
            var local = int.Parse(m.Groups["lh"].Value, CultureInfo.InvariantCulture) * 60 + int.Parse(m.Groups["lm"].Value, CultureInfo.InvariantCulture);
            var gmt = int.Parse(m.Groups["gh"].Value, CultureInfo.InvariantCulture) * 60 + int.Parse(m.Groups["gm"].Value, CultureInfo.InvariantCulture);
            var offset = ((local - gmt) % 1440 + 1440) % 1440;
            if (offset is not (120 or 180))
            {
                checks.Add(new FigureCheck("internal_inconsistency", string.Create(CultureInfo.InvariantCulture,
                    $"local time {m.Groups["lh"].Value}:{m.Groups["lm"].Value} is {offset / 60.0:0.##} hours from the GMT time {m.Groups["gh"].Value}:{m.Groups["gm"].Value} given beside it; Syria is 2 or 3 hours ahead"),
                    [new TextSpan(m.Index, m.Index + m.Length)]));
            }
        }

        return checks;
    }

    // "19,16 (05,16 بتوقيت غرينتش)": a time, then in brackets the same moment in GMT.
    [GeneratedRegex(@"(?<lh>\d{1,2})[,:.٫](?<lm>\d{2})\s*\(\s*(?<gh>\d{1,2})[,:.٫](?<gm>\d{2})\s*(?:ب|)(?:توقيت|التوقيت)\s*(?:غرينتش|غرينيتش|جرينتش|غرينيش|العالمي)")]
    private static partial Regex LocalAndGmt();

    private static int Start(ConflictEvent e) => e.Evidence.Spans.TryGetValue("event", out var s) ? s.Start : 0;

    private static TextSpan Span(ConflictEvent e) => e.Evidence.Spans.TryGetValue("event", out var s) ? s : new TextSpan(0, 0);

    // "مقتل 4 أشخاص …": a headline's one death toll; one that mixes dead and wounded ("مقتل وجرح 27") or counts a period is none.
    private static int? HeadlineToll(ArabicToken[] tokens, int first, int end)
    {
        int? toll = null;
        for (var i = first; i < end; i++)
        {
            if (!tokens[i].IsWord)
            {
                continue;
            }

            var stem = tokens[i].Stem;
            if (stem is "جرح" or "جرحي" or "جريح" or "جريحا" or "اصابه" or "اصابات" or "منذ" or "حصيله" or "مطلع")
            {
                return null;
            }

            if (stem is "مقتل" or "يقتل" or "تقتل" or "قتيلا" or "قتلي" or "استشهاد" or "مصرع")
            {
                var (value, _) = ArabicNumbers.After(tokens, i + 1, end);
                if (value <= 0 && i > first && tokens[i - 1].IsNumber)
                {
                    value = tokens[i - 1].Number;
                }

                if (value > 0)
                {
                    if (toll is not null)
                    {
                        return null;
                    }

                    toll = value;
                }
            }
        }

        return toll;
    }
}
