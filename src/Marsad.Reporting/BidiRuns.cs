namespace Marsad.Core.Reports;

/// <summary>One directional run of a line: its text in logical (reading) order, and whether it reads right to left.</summary>
internal readonly record struct BidiRun(string Text, bool RightToLeft);

/// <summary>
/// Splits one line of report text into directional runs and puts them in visual (left to right) order, so an
/// Arabic name inside an English sentence, or an English id inside an Arabic claim, is drawn where a reader expects.
/// No bidi library is served from NuGet here (ICU4N is an alpha and heavy), so this is a small subset of the Unicode
/// Bidirectional Algorithm (UAX #9) for the text reports hold — plain Arabic/Hebrew and Latin, no explicit embedding
/// controls: the paragraph direction is that of the first strong letter (P2/P3); digits after an Arabic letter are
/// Arabic numbers and otherwise take the preceding Latin direction (W2/W7); separators between digits join the
/// number (W4); neutrals between two runs of one direction take it, other neutrals the paragraph's (N1/N2);
/// levels are resolved (I1/I2), trailing spaces go back to the paragraph level (L1), and runs are reversed from
/// the highest level down (L2). A run's text stays in logical order: the shaper (HarfBuzz, right to left for odd
/// levels) lays the glyphs of a right-to-left run out in visual order itself and mirrors its brackets.
/// </summary>
internal static class BidiRuns
{
    private enum Kind { L, R, Number, Neutral }

    /// <summary>True when the first strong letter of <paramref name="text"/> is Arabic or Hebrew (the paragraph reads right to left).</summary>
    public static bool IsRightToLeft(string text)
    {
        foreach (var c in text)
        {
            switch (Classify(c))
            {
                case Kind.R: return true;
                case Kind.L: return false;
            }
        }

        return false;
    }

    /// <summary>The runs of <paramref name="line"/> in visual order, for a paragraph of the given direction.</summary>
    public static IReadOnlyList<BidiRun> Visual(string line, bool rightToLeft)
    {
        if (line.Length == 0)
        {
            return [];
        }

        var baseLevel = rightToLeft ? 1 : 0;
        var kinds = new Kind[line.Length];
        for (var i = 0; i < line.Length; i++)
        {
            kinds[i] = Classify(line[i]);
        }

        // W1: a combining mark takes the kind of the letter it sits on.
        for (var i = 1; i < line.Length; i++)
        {
            if (char.GetUnicodeCategory(line[i]) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.EnclosingMark)
            {
                kinds[i] = kinds[i - 1];
            }
        }

        // W4: one separator between two digits belongs to the number ("1,200", "2023-02", "12:30").
        for (var i = 1; i < line.Length - 1; i++)
        {
            if (kinds[i] == Kind.Neutral && kinds[i - 1] == Kind.Number && kinds[i + 1] == Kind.Number && line[i] is '.' or ',' or ':' or '/' or '-' or '+')
            {
                kinds[i] = Kind.Number;
            }
        }

        // W2/W7: a number after Latin (or at the start of a left-to-right paragraph) is just left-to-right text;
        // after Arabic it is an Arabic number, which reads left to right but sits in the right-to-left flow.
        var numberIsArabic = new bool[line.Length];
        var lastStrong = rightToLeft ? Kind.R : Kind.L;
        for (var i = 0; i < line.Length; i++)
        {
            if (kinds[i] is Kind.L or Kind.R)
            {
                lastStrong = kinds[i];
            }
            else if (kinds[i] == Kind.Number)
            {
                if (lastStrong == Kind.L)
                {
                    kinds[i] = Kind.L;
                }
                else
                {
                    numberIsArabic[i] = true;
                }
            }
        }

        // N1/N2: for neutrals, numbers count as right to left; sos/eos are the paragraph direction.
        var direction = new bool[line.Length]; // true = right to left
        for (var i = 0; i < line.Length;)
        {
            if (kinds[i] != Kind.Neutral)
            {
                direction[i] = kinds[i] != Kind.L;
                i++;
                continue;
            }

            var end = i;
            while (end < line.Length && kinds[end] == Kind.Neutral)
            {
                end++;
            }

            var before = i == 0 ? rightToLeft : kinds[i - 1] != Kind.L;
            var after = end == line.Length ? rightToLeft : kinds[end] != Kind.L;
            var resolved = before == after ? before : rightToLeft;
            for (var j = i; j < end; j++)
            {
                direction[j] = resolved;
            }

            i = end;
        }

        // I1/I2: levels.
        var levels = new int[line.Length];
        for (var i = 0; i < line.Length; i++)
        {
            var isNumber = kinds[i] == Kind.Number && numberIsArabic[i];
            levels[i] = baseLevel == 0
                ? (isNumber ? 2 : direction[i] ? 1 : 0)
                : (isNumber || !direction[i] ? 2 : 1);
        }

        // L1: trailing whitespace takes the paragraph level.
        for (var i = line.Length - 1; i >= 0 && char.IsWhiteSpace(line[i]); i--)
        {
            levels[i] = baseLevel;
        }

        // Maximal runs of one level, in logical order.
        var runs = new List<(string Text, int Level)>();
        for (var i = 0; i < line.Length;)
        {
            var end = i + 1;
            while (end < line.Length && levels[end] == levels[i])
            {
                end++;
            }

            runs.Add((line[i..end], levels[i]));
            i = end;
        }

        // L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or above.
        var highest = runs.Max(r => r.Level);
        var lowestOdd = runs.Where(r => r.Level % 2 == 1).Select(r => r.Level).DefaultIfEmpty(highest + 1).Min();
        for (var level = highest; level >= lowestOdd; level--)
        {
            for (var i = 0; i < runs.Count;)
            {
                if (runs[i].Level < level)
                {
                    i++;
                    continue;
                }

                var end = i;
                while (end < runs.Count && runs[end].Level >= level)
                {
                    end++;
                }

                runs.Reverse(i, end - i);
                i = end;
            }
        }

        return runs.Select(r => new BidiRun(r.Text, r.Level % 2 == 1)).ToList();
    }

    private static Kind Classify(char c)
    {
        // Arabic-Indic and extended Arabic-Indic digits, and ASCII digits, are numbers.
        if (c is >= '0' and <= '9' or >= '\u0660' and <= '\u0669' or >= '\u06F0' and <= '\u06F9')
        {
            return Kind.Number;
        }

        // Hebrew, Arabic, Syriac, Thaana, NKo … Arabic Extended, and the Hebrew/Arabic presentation forms.
        if (c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF')
        {
            return c == '\uFEFF' ? Kind.Neutral : Kind.R;
        }

        return char.IsLetter(c) ? Kind.L : Kind.Neutral;
    }
}
