using Marsad.Domain.Events;

namespace Marsad.Bench.Extraction;

/// <summary>
/// Dev rows in aggregate (--confusion type|actors|fatalities): how often each wanted value came out as each other
/// value, so tuning looks at counts, never at one row's text. For actors: the actor ACLED named that Marsad missed,
/// paired with what Marsad gave instead.
/// </summary>
internal sealed class Confusion(string field)
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(Dictionary<string, string> row, ConflictEvent e)
    {
        switch (field)
        {
            case "type":
                Count(row["sub_event_type"], e.SubEventType.Label);
                break;
            case "fatalities":
                var got = e.Quantities.TryGetValue(Marsad.Domain.Common.Quantities.Names.Fatalities, out var q) ? q.Low ?? 0 : 0;
                Count(Bucket(int.Parse(row["fatalities"], System.Globalization.CultureInfo.InvariantCulture)), Bucket(got) + (got == int.Parse(row["fatalities"], System.Globalization.CultureInfo.InvariantCulture) ? " (same)" : ""));
                break;
            default:
                var want = new[] { row["actor1"], row["actor2"] };
                var have = new[] { e.Actor1 ?? "-", e.Actor2 ?? "-" };
                var missing = want.Where(w => !have.Contains(w)).ToList();
                var extra = have.Where(h => !want.Contains(h)).ToList();
                for (var k = 0; k < missing.Count; k++)
                {
                    Count(missing[k], k < extra.Count ? extra[k] : "(the other one twice)");
                }

                break;
        }
    }

    public void Print()
    {
        Console.WriteLine($"\nconfusion on dev rows ({field}): want -> got, most frequent first");
        foreach (var (pair, n) in _counts.OrderByDescending(kv => kv.Value).Take(60))
        {
            Console.WriteLine($"{n,6}  {pair}");
        }
    }

    private static string Bucket(int n) => n switch { 0 => "0", 1 => "1", 2 => "2", < 6 => "3-5", < 11 => "6-10", _ => "11+" };

    private void Count(string want, string got)
    {
        var key = $"{want}  ->  {got}";
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
    }
}
