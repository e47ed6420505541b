using Marsad.Extraction.Text;

namespace Marsad.Extraction.Recognition.Quantities;

/// <summary>
/// ACLED spreads one reported toll over the events of several places and says how: a total "coded to" N that is
/// "split between" the events with so many "coded to" each place, or split "evenly" between them.
/// A note describes its own place first, so the share of the listed place named earliest in the note is this event's.
/// </summary>
internal static class SplitTotals
{
    private static readonly WordSet Split = new("split", "divided", "distributed");
    private static readonly WordSet Evenly = new("evenly", "equally");
    private static readonly WordSet Units = new("events", "locations", "places", "areas", "villages", "towns", "sites", "fronts");
    private static readonly WordSet Particles = new("al", "el", "ad", "ash", "as", "ar", "az", "ez", "es", "bin", "ibn", "abu", "um", "umm", "tal", "tell", "deir", "ras", "ain");
    private static readonly WordSet NotNames = new("The", "Total", "Unknown", "Fatalities", "All", "Each");

    /// <summary>This event's share of <paramref name="total"/>, when the text splits it; null when it does not or the share cannot be told.</summary>
    public static int? Share(TokenView view, int total)
    {
        ArgumentNullException.ThrowIfNull(view);
        var at = -1;
        for (var i = 0; i < view.Count; i++)
        {
            if (view.IsAny(i, Split) && (view.IsAny(i + 1, ["between", "across", "among", "evenly", "equally"])))
            {
                at = i;
                break;
            }
        }

        if (at < 0)
        {
            return null;
        }

        var end = at;
        while (end < view.Count && !view.IsPunct(end, '.'))
        {
            end++;
        }

        var (numbers, names) = Items(view, at + 1, end);
        if (names.Count == 0 || numbers.Count == 0)
        {
            // "split evenly between the two events": an even share when it divides.
            var parts = Parts(view, at + 1, end);
            return parts is > 1 && (view.IsAny(at + 1, Evenly) || numbers.Count == 0) && total % parts.Value == 0 ? total / parts.Value : null;
        }

        // The listed place named earliest in the note, before the split, is this event's place.
        var before = view.Text.AsSpan(0, view.Tokens[at].Start);
        var best = -1;
        var bestAt = int.MaxValue;
        for (var k = 0; k < names.Count; k++)
        {
            var found = before.IndexOf(names[k].Name, StringComparison.OrdinalIgnoreCase);
            if (found >= 0 && found < bestAt)
            {
                (best, bestAt) = (k, found);
            }
        }

        return best < 0 ? null : NearestNumber(numbers, names[best]);
    }

    // Items of the list with the list segment each sits in (segments end at a comma, a semicolon or "and").
    private static (List<(int At, int Value, int Segment)> Numbers, List<(int First, int End, string Name, int Segment)> Names) Items(TokenView view, int from, int to)
    {
        var numbers = new List<(int, int, int)>();
        var names = new List<(int, int, string, int)>();
        var segment = 0;
        for (var i = from; i < to; i++)
        {
            if (view.IsPunct(i, ',') || view.IsPunct(i, ';') || view.Is(i, "and"))
            {
                segment++;
            }
            else if (view.Tokens[i].Kind == TokenKind.Number && !view.IsAny(i + 1, Units))
            {
                numbers.Add((i, view.Tokens[i].Number, segment));
            }
            else if (NumberWords.TryCardinal(view.Text, view.Tokens, i, out var n, out var len) && !view.IsAny(i + len, Units))
            {
                numbers.Add((i, n, segment));
                i += len - 1;
            }
            else if ((view.IsCapitalised(i) && !view.IsAny(i, NotNames)) || (view.IsAny(i, Particles) && view.IsCapitalised(i + 1)))
            {
                var first = i;
                while (i + 1 < to && (view.IsCapitalised(i + 1) || (view.IsAny(i + 1, Particles) && view.IsCapitalised(i + 2))))
                {
                    i++;
                }

                names.Add((first, i + 1, view.Slice(first, i + 1), segment));
            }
        }

        return (numbers, names);
    }

    private static int? Parts(TokenView view, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (view.IsAny(i + 1, Units) && NumberWords.TryCardinal(view.Text, view.Tokens, i, out var n, out _))
            {
                return n;
            }

            if (view.IsAny(i + 2, Units) && NumberWords.TryCardinal(view.Text, view.Tokens, i + 1, out var m, out _))
            {
                return m;
            }
        }

        return null;
    }

    // "4 coded to A", "A allocated 4": the number in the name's own list item; else the closest, the one before on a tie.
    private static int? NearestNumber(List<(int At, int Value, int Segment)> numbers, (int First, int End, string Name, int Segment) name)
    {
        foreach (var (_, value, segment) in numbers)
        {
            if (segment == name.Segment)
            {
                return value;
            }
        }

        int? best = null;
        var distance = int.MaxValue;
        foreach (var (at, value, _) in numbers)
        {
            var d = at < name.First ? name.First - at : at - name.End + 1;
            if (d < distance)
            {
                (best, distance) = (value, d);
            }
        }

        return distance <= 6 ? best : null;
    }
}
