using Marsad.Domain.Common;

namespace Marsad.Core.Analytics;

/// <summary>
/// One bucket of an aggregate: how many events, how many incidents they stand for (an aggregate event
/// counts its incidents), the range sum of each quantity, and the events counted, so every figure can
/// name what it counts.
/// </summary>
public sealed class Tally
{
    // The sums are running totals while events are added (a month of a large record adds tens of thousands of events
    // to a dozen tallies each), and become the sorted, immutable ranges readers see when first asked for.
    private readonly List<Sum> sums = [];
    private readonly List<Guid> eventIds = [];
    private SortedDictionary<string, QuantityRange>? quantities;

    public Tally()
    {
    }

    /// <summary>A tally that will count about <paramref name="expected"/> events (a period's total): its id list is not grown step by step.</summary>
    internal Tally(int expected) => eventIds.Capacity = expected;

    public int Events { get; private set; }

    public int Incidents { get; private set; }

    public IReadOnlyDictionary<string, QuantityRange> Quantities => quantities ??= Sorted();

    public IReadOnlyList<Guid> EventIds => eventIds;

    public QuantityRange Quantity(string name) => Quantities.TryGetValue(name, out var range) ? range : QuantityRange.Zero;

    /// <summary>A tally whose sums the database made (<see cref="DatabaseMonthTotals"/>): the same figures <see cref="Add(Guid, int, KeyValuePair{string, QuantityRange}[])"/> would reach.</summary>
    internal static Tally Of(int events, int incidents, IEnumerable<Guid> eventIds, IEnumerable<KeyValuePair<string, QuantityRange>> sums)
    {
        var tally = new Tally { Events = events, Incidents = incidents };
        tally.eventIds.AddRange(eventIds);
        foreach (var (name, range) in sums)
        {
            tally.SumOf(name).Add(range);
        }

        return tally;
    }

    internal void Add(Guid eventId, int incidents, IEnumerable<KeyValuePair<string, Quantity>> counts) => Add(eventId, incidents, Ranges(counts));

    internal void Add(Guid eventId, int incidents, KeyValuePair<string, QuantityRange>[] ranges)
    {
        Events++;
        Incidents += incidents;
        eventIds.Add(eventId);
        if (ranges.Length == 0)
        {
            return;
        }

        quantities = null;
        foreach (var (name, range) in ranges)
        {
            SumOf(name).Add(range);
        }
    }

    private Sum SumOf(string name)
    {
        foreach (var sum in sums)
        {
            if (string.Equals(sum.Name, name, StringComparison.Ordinal))
            {
                return sum;
            }
        }

        var added = new Sum(name);
        sums.Add(added);
        return added;
    }

    private SortedDictionary<string, QuantityRange> Sorted()
    {
        var ranges = new SortedDictionary<string, QuantityRange>(StringComparer.Ordinal);
        foreach (var sum in sums)
        {
            ranges[sum.Name] = sum.Range;
        }

        return ranges;
    }

    /// <summary>One quantity's running sum, as <see cref="QuantityRange.Plus"/> adds: the highs open once one summand has none.</summary>
    private sealed class Sum(string name)
    {
        private long low;
        private long best;
        private long high;
        private bool open;

        public string Name { get; } = name;

        public QuantityRange Range => new(low, best, open ? null : high);

        public void Add(QuantityRange range)
        {
            low += range.Low;
            best += range.Best;
            if (range.High is { } h)
            {
                high += h;
            }
            else
            {
                open = true;
            }
        }
    }

    /// <summary>
    /// An event's quantities as the ranges a tally adds, made once per event: an aggregate adds each event to a dozen
    /// tallies, and walking the event's immutable sorted dictionary each time cost more than the sums.
    /// </summary>
    internal static KeyValuePair<string, QuantityRange>[] Ranges(IEnumerable<KeyValuePair<string, Quantity>> counts)
    {
        if (counts is not Quantities given)
        {
            return [.. counts.Select(c => KeyValuePair.Create(c.Key, QuantityRange.Of(c.Value)))];
        }

        if (given.Count == 0)
        {
            return [];
        }

        var ranges = new KeyValuePair<string, QuantityRange>[given.Count];
        var i = 0;
        foreach (var (name, quantity) in given)
        {
            ranges[i++] = KeyValuePair.Create(name, QuantityRange.Of(quantity));
        }

        return ranges;
    }
}
