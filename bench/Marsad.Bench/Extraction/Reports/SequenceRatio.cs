namespace Marsad.Bench.Extraction.Reports;

/// <summary>
/// Python's <c>difflib.SequenceMatcher(None, a, b).ratio()</c> for short strings (no junk, no autojunk: the
/// reference scorer only compares place keys, far under difflib's 200-character autojunk threshold), ported
/// so that the bench and <c>score_reports.py</c> accept the same fuzzy place matches.
/// </summary>
public static class SequenceRatio
{
    public static double Ratio(string a, string b)
    {
        var total = a.Length + b.Length;
        return total == 0 ? 1.0 : 2.0 * Matches(a, b) / total;
    }

    // difflib's get_matching_blocks: the longest match, then the same on each side of it, summed.
    private static int Matches(string a, string b)
    {
        var b2j = new Dictionary<char, List<int>>();
        for (var j = 0; j < b.Length; j++)
        {
            if (!b2j.TryGetValue(b[j], out var list))
            {
                b2j[b[j]] = list = [];
            }

            list.Add(j);
        }

        var sum = 0;
        var queue = new Stack<(int Alo, int Ahi, int Blo, int Bhi)>();
        queue.Push((0, a.Length, 0, b.Length));
        while (queue.Count > 0)
        {
            var (alo, ahi, blo, bhi) = queue.Pop();
            var (i, j, k) = Longest(a, b2j, alo, ahi, blo, bhi);
            if (k == 0)
            {
                continue;
            }

            sum += k;
            if (alo < i && blo < j)
            {
                queue.Push((alo, i, blo, j));
            }

            if (i + k < ahi && j + k < bhi)
            {
                queue.Push((i + k, ahi, j + k, bhi));
            }
        }

        return sum;
    }

    // difflib's find_longest_match: the earliest longest block in a, then earliest in b.
    private static (int I, int J, int K) Longest(string a, Dictionary<char, List<int>> b2j, int alo, int ahi, int blo, int bhi)
    {
        var (besti, bestj, bestsize) = (alo, blo, 0);
        var j2len = new Dictionary<int, int>();
        for (var i = alo; i < ahi; i++)
        {
            var next = new Dictionary<int, int>();
            if (b2j.TryGetValue(a[i], out var js))
            {
                foreach (var j in js)
                {
                    if (j < blo)
                    {
                        continue;
                    }

                    if (j >= bhi)
                    {
                        break;
                    }

                    var k = next[j] = j2len.GetValueOrDefault(j - 1) + 1;
                    if (k > bestsize)
                    {
                        (besti, bestj, bestsize) = (i - k + 1, j - k + 1, k);
                    }
                }
            }

            j2len = next;
        }

        return (besti, bestj, bestsize);
    }
}
