using Marsad.Extraction.Geography;

namespace Marsad.Extraction.Recognition.Places;

/// <summary>
/// The names the geocoder found in a whole document, indexed by start offset once, so each sentence finds its own by
/// binary search instead of scanning the document's list (a report of 47,000 lines naming a place in each would
/// otherwise take 47,000² steps). <see cref="Within"/> yields them in the order the geocoder gave them.
/// </summary>
public sealed class KnownPlaces
{
    private readonly IReadOnlyList<PlaceMatch> matches;
    private readonly int[] byStart;

    public KnownPlaces(IReadOnlyList<PlaceMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        this.matches = matches;
        byStart = Enumerable.Range(0, matches.Count).OrderBy(i => matches[i].Start).ToArray(); // stable: ties keep their order
    }

    public IReadOnlyList<PlaceMatch> All => matches;

    /// <summary>The matches lying wholly in [startChar, endChar], in the geocoder's order.</summary>
    public IEnumerable<PlaceMatch> Within(int startChar, int endChar)
    {
        int lo = 0, hi = byStart.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (matches[byStart[mid]].Start < startChar)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var found = new List<int>();
        for (var k = lo; k < byStart.Length && matches[byStart[k]].Start <= endChar; k++)
        {
            if (matches[byStart[k]].End <= endChar)
            {
                found.Add(byStart[k]);
            }
        }

        found.Sort();
        return found.Select(i => matches[i]);
    }
}
