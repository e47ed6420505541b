using System.Globalization;
using System.Text.RegularExpressions;
using Marsad.Domain.Common;

namespace Marsad.Extraction.Checks;

/// <summary>
/// A stated total against the listed parts of its breakdown: "left 40 people dead: 12 civilians, 20 soldiers and
/// 7 fighters" (39), or a total followed by a bulleted list. Parts are the counts that open each item of the list
/// ("12 civilians", "a woman", "Two children were killed"); an "including …" clause inside an item is a sub-breakdown
/// of that item and is not added. Totals given as approximate or as a bound ("nearly 40", "more than 40") are not
/// checked: a breakdown cannot contradict them.
/// </summary>
internal static partial class BreakdownChecker
{
    // What introduces a breakdown: a colon ending the clause, "they are", "as follows".
    [GeneratedRegex(@":|\bthey are\b|\bas follows\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Introducer();

    [GeneratedRegex(@"(?<![\w.,])(\d{1,6}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](one|two|three|four|five|six|seven|eight|nine))?(?![\w.,%-]\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex Cardinal();

    [GeneratedRegex(@"\b(nearly|almost|about|around|approximately|roughly|over|more than|less than|at least|up to|some|dozens|hundreds)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Hedge();

    [GeneratedRegex(@"\bincluding\b[^,;:]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Including();

    [GeneratedRegex(@"\s*(?:,|;|\bin addition to\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ItemBreak();

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex And();

    [GeneratedRegex(@"^(?:[\s\-–•*·]|and\b|of\b|the\b|also\b)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Lead();

    [GeneratedRegex(@"^(?:(a|an|one)\s+[""“‘']?[a-z]|(\d{1,6}|[a-z]+(?:[ -][a-z]+)?)\s+[""“‘']?[a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartStart();

    private static readonly string[] Bullets = ["•", "-", "–", "*", "·"];

    public static List<FigureCheck> Check(string text)
    {
        var checks = new List<FigureCheck>();
        if (text.IndexOf(':', StringComparison.Ordinal) < 0 && !text.Contains("they are", StringComparison.OrdinalIgnoreCase) && !text.Contains("as follows", StringComparison.OrdinalIgnoreCase))
        {
            return checks;
        }

        var lastEnd = -1;
        foreach (Match intro in Introducer().Matches(text))
        {
            if (intro.Index < lastEnd)
            {
                continue;
            }

            var clauseStart = ClauseStart(text, intro.Index);
            if (Total(text, clauseStart, intro.Index) is not { } total)
            {
                continue;
            }

            var (parts, listEnd) = Parts(text, intro.Index + intro.Length);
            lastEnd = Math.Max(lastEnd, intro.Index + intro.Length);
            if (parts.Count < 2)
            {
                continue;
            }

            var sum = parts.Sum();
            if (sum != total.Value)
            {
                lastEnd = listEnd;
                checks.Add(new FigureCheck(
                    "figure_mismatch",
                    string.Create(CultureInfo.InvariantCulture, $"stated total {total.Value}; its breakdown lists {string.Join(" + ", parts)} = {sum}"),
                    [new TextSpan(total.Start, total.End), new TextSpan(intro.Index + intro.Length, listEnd)]));
            }
        }

        return checks;
    }

    // The clause a total lives in: back to the sentence end or line break before the introducer.
    private static int ClauseStart(string text, int at)
    {
        for (var i = at - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c == '\n' || ((c is '.' or '!' or '?') && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private sealed record StatedTotal(int Value, int Start, int End);

    // The last plain count of the clause outside any "including …" part; null when it is hedged or is a year.
    private static StatedTotal? Total(string text, int from, int to)
    {
        var clause = text[from..to];
        var masked = Including().Replace(clause, m => new string(' ', m.Length));
        Match? last = null;
        foreach (Match m in Cardinal().Matches(masked))
        {
            last = m;
        }

        if (last is null || Value(last) is not { } value || value < 2 || (last.Value.Length == 4 && value is >= 1900 and <= 2100))
        {
            return null;
        }

        // The count must be of something named right after it ("40 people", "25 fatalities"), not a bare figure.
        var after = masked[(last.Index + last.Length)..].TrimStart();
        // "… rose to 171, they are …": a count that closes its clause counts the same.
        var closes = after.TrimStart(',', ' ').Length == 0;
        if (!closes && (after.Length == 0 || !char.IsLetter(after[0])) || Hedge().IsMatch(masked[..last.Index]))
        {
            return null;
        }

        return new StatedTotal(value, from + last.Index, from + last.Index + last.Length);
    }

    // The list after the introducer: the rest of its line, or else the bulleted lines that follow (one bullet kind).
    private static (List<int> Parts, int End) Parts(string text, int from)
    {
        var parts = new List<int>();
        var lineEnd = text.IndexOf('\n', from);
        lineEnd = lineEnd < 0 ? text.Length : lineEnd;
        if (!string.IsNullOrWhiteSpace(text[from..lineEnd]))
        {
            AddItems(text[from..lineEnd], parts);
            return (parts, lineEnd);
        }

        string? bullet = null;
        var end = lineEnd;
        var pos = lineEnd;
        while (pos < text.Length)
        {
            var next = text.IndexOf('\n', pos + 1);
            next = next < 0 ? text.Length : next;
            var line = text[(pos + 1 > text.Length ? text.Length : pos + 1)..next].Trim();
            pos = next;
            if (line.Length == 0)
            {
                continue;
            }

            var mark = Bullets.FirstOrDefault(b => line.StartsWith(b, StringComparison.Ordinal));
            if (mark is null || (bullet is not null && mark != bullet))
            {
                break;
            }

            bullet = mark;
            AddItems(line[mark.Length..], parts);
            end = next;
        }

        return (parts, end);
    }

    private static void AddItems(string list, List<int> parts)
    {
        foreach (var item in ItemBreak().Split(list))
        {
            var body = Lead().Replace(item, string.Empty);
            if (body.StartsWith("including", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var cut = Including().Match(body);
            if (cut.Success)
            {
                body = body[..cut.Index];
            }

            foreach (var sub in And().Split(body))
            {
                var s = Lead().Replace(sub, string.Empty);
                var start = PartStart().Match(s);
                if (!start.Success)
                {
                    continue;
                }

                if (start.Groups[1].Success)
                {
                    parts.Add(1);
                }
                else if (Cardinal().Match(s) is { Success: true, Index: 0 } c && Value(c) is { } v && !(c.Value.Length == 4 && v is >= 1900 and <= 2100))
                {
                    parts.Add(v);
                }
            }
        }
    }

    private static readonly Dictionary<string, int> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    internal static int? Value(Match m)
    {
        var head = m.Groups[1].Value;
        var n = int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : Words.TryGetValue(head, out var w) ? w : (int?)null;
        if (n is { } x && m.Groups[2].Success && x >= 20 && x % 10 == 0 && Words.TryGetValue(m.Groups[2].Value, out var unit))
        {
            n = x + unit;
        }

        return n;
    }
}
