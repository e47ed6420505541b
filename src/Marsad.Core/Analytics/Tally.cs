using Marsad.Domain.Common;

namespace Marsad.Core.Analytics;

/// <summary>
/// One bucket of an aggregate: how many events, how many incidents they stand for (an aggregate event
/// counts its incidents), the range sum of each quantity, and the events counted, so every figure can
/// name what it counts.
/// </summary>
public sealed class Tally
{
    private readonly SortedDictionary<string, QuantityRange> quantities = new(StringComparer.Ordinal);
    private readonly List<Guid> eventIds = [];

    public int Events { get; private set; }

    public int Incidents { get; private set; }

    public IReadOnlyDictionary<string, QuantityRange> Quantities => quantities;

    public IReadOnlyList<Guid> EventIds => eventIds;

    public QuantityRange Quantity(string name) => quantities.TryGetValue(name, out var range) ? range : QuantityRange.Zero;

    /// <summary>A tally whose sums the database made (<see cref="DatabaseMonthTotals"/>): the same figures <see cref="Add(Guid, int, KeyValuePair{string, QuantityRange}[])"/> would reach.</summary>
    internal static Tally Of(int events, int incidents, IEnumerable<Guid> eventIds, IEnumerable<KeyValuePair<string, QuantityRange>> sums)
    {
        var tally = new Tally { Events = events, Incidents = incidents };
        tally.eventIds.AddRange(eventIds);
        foreach (var (name, range) in sums)
        {
            tally.quantities[name] = range;
        }

        return tally;
    }

    internal void Add(Guid eventId, int incidents, IEnumerable<KeyValuePair<string, Quantity>> counts) => Add(eventId, incidents, Ranges(counts));

    internal void Add(Guid eventId, int incidents, KeyValuePair<string, QuantityRange>[] ranges)
    {
        Events++;
        Incidents += incidents;
        eventIds.Add(eventId);
        foreach (var (name, range) in ranges)
        {
            quantities[name] = quantities.TryGetValue(name, out var sum) ? sum.Plus(range) : range;
        }
    }

    /// <summary>
    /// An event's quantities as the ranges a tally adds, made once per event: an aggregate adds each event to a dozen
    /// tallies, and walking the event's immutable sorted dictionary each time cost more than the sums.
    /// </summary>
    internal static KeyValuePair<string, QuantityRange>[] Ranges(IEnumerable<KeyValuePair<string, Quantity>> counts)
    {
        if (counts is not Quantities quantities)
        {
            return [.. counts.Select(c => KeyValuePair.Create(c.Key, QuantityRange.Of(c.Value)))];
        }

        if (quantities.Count == 0)
        {
            return [];
        }

        var ranges = new KeyValuePair<string, QuantityRange>[quantities.Count];
        var i = 0;
        foreach (var (name, quantity) in quantities)
        {
            ranges[i++] = KeyValuePair.Create(name, QuantityRange.Of(quantity));
        }

        return ranges;
    }
}
