namespace Marsad.Extraction.Text;

/// <summary>Reads a cardinal or ordinal written as digits or English words ("16th", "twenty-one", "one hundred and five", "seventh").</summary>
public static class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8,
        ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["thirteenth"] = 13, ["fourteenth"] = 14, ["fifteenth"] = 15,
        ["sixteenth"] = 16, ["seventeenth"] = 17, ["eighteenth"] = 18, ["nineteenth"] = 19, ["twentieth"] = 20, ["thirtieth"] = 30,
    };

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> UnitLookup = Units.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> TensLookup = Tens.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> OrdinalLookup = Ordinals.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every word a cardinal can start with ("one" ... "ninety").</summary>
    internal static IEnumerable<string> CardinalWords => Units.Keys.Concat(Tens.Keys);

    /// <summary>Every word an ordinal can start with ("first" ... "thirtieth", "twenty" of "twenty first").</summary>
    internal static IEnumerable<string> OrdinalWords => Ordinals.Keys.Concat(Tens.Keys);

    /// <summary>A cardinal starting at token <paramref name="index"/>: its value and how many tokens it spans.</summary>
    public static bool TryCardinal(string text, ReadOnlySpan<Token> tokens, int index, out int value, out int count)
    {
        value = 0;
        count = 0;
        if (index >= tokens.Length)
        {
            return false;
        }

        var t = tokens[index];
        if (t.Kind == TokenKind.Number)
        {
            if (IsOrdinalDigits(text, t))
            {
                return false;
            }

            value = t.Number;
            count = 1;
            return true;
        }

        var total = 0;
        var current = 0;
        var i = index;
        var any = false;
        while (i < tokens.Length && tokens[i].IsWord)
        {
            var w = text.AsSpan(tokens[i].Start, tokens[i].Length);
            if (UnitLookup.TryGetValue(w, out var u))
            {
                current += u;
            }
            else if (TensLookup.TryGetValue(w, out var ten))
            {
                current += ten;
            }
            else if (any && w.Equals("hundred", StringComparison.OrdinalIgnoreCase))
            {
                current = Math.Max(current, 1) * 100;
            }
            else if (any && w.Equals("thousand", StringComparison.OrdinalIgnoreCase))
            {
                total += Math.Max(current, 1) * 1000;
                current = 0;
            }
            else if (any && w.Equals("and", StringComparison.OrdinalIgnoreCase) && i + 1 < tokens.Length && tokens[i + 1].IsWord
                     && (UnitLookup.TryGetValue(text.AsSpan(tokens[i + 1].Start, tokens[i + 1].Length), out _) || TensLookup.TryGetValue(text.AsSpan(tokens[i + 1].Start, tokens[i + 1].Length), out _))
                     && (current % 100 == 0 && current > 0))
            {
                // "one hundred and five": the "and" belongs to the number.
            }
            else
            {
                break;
            }

            any = true;
            i++;
        }

        if (!any)
        {
            return false;
        }

        value = total + current;
        count = i - index;
        return true;
    }

    /// <summary>An ordinal day-like number starting at token <paramref name="index"/> ("16th", "seventh", "twenty first").</summary>
    public static bool TryOrdinal(string text, ReadOnlySpan<Token> tokens, int index, out int value, out int count)
    {
        value = 0;
        count = 0;
        if (index >= tokens.Length)
        {
            return false;
        }

        var t = tokens[index];
        if (t.Kind == TokenKind.Number)
        {
            if (!IsOrdinalDigits(text, t))
            {
                return false;
            }

            value = t.Number;
            count = 1;
            return true;
        }

        if (!t.IsWord)
        {
            return false;
        }

        var w = text.AsSpan(t.Start, t.Length);
        if (OrdinalLookup.TryGetValue(w, out value))
        {
            count = 1;
            return true;
        }

        if (TensLookup.TryGetValue(w, out var tens) && index + 1 < tokens.Length && tokens[index + 1].IsWord
            && OrdinalLookup.TryGetValue(text.AsSpan(tokens[index + 1].Start, tokens[index + 1].Length), out var unit) && unit < 10)
        {
            value = tens + unit;
            count = 2;
            return true;
        }

        return false;
    }

    private static bool IsOrdinalDigits(string text, Token t) => t.Length > 2 && char.IsAsciiLetter(text[t.End - 1]);
}
