namespace Marsad.Core.Names;

/// <summary>The known name closest to what was typed (edit distance over lower-cased text), for "did you mean" hints.</summary>
public static class NearestName
{
    public static string? Of(string typed, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(known);
        var t = typed.Trim().ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in known)
        {
            var d = Distance(t, name.ToLowerInvariant());
            if (d < bestDistance)
            {
                (best, bestDistance) = (name, d);
            }
        }

        // Past half the typed length the "nearest" is a guess, not a spelling of it.
        return bestDistance <= Math.Max(2, t.Length / 2) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
