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

    internal void Add(Guid eventId, int incidents, IEnumerable<KeyValuePair<string, Quantity>> counts)
    {
        Events++;
        Incidents += incidents;
        eventIds.Add(eventId);
        foreach (var (name, quantity) in counts)
        {
            quantities[name] = quantities.TryGetValue(name, out var sum) ? sum.Plus(QuantityRange.Of(quantity)) : QuantityRange.Of(quantity);
        }
    }
}
