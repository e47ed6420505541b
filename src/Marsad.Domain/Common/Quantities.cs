using System.Collections;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Marsad.Domain.Common;

/// <summary>
/// Named counts of an event or allegation (<c>fatalities</c>, <c>injured</c>, <c>arrested</c>, ...).
/// Names are lower-case identifiers; the well-known ones are in <see cref="Names"/>, others may be added.
/// </summary>
public sealed partial class Quantities : IReadOnlyDictionary<string, Quantity>, IEquatable<Quantities>
{
    private readonly ImmutableSortedDictionary<string, Quantity> _items;

    public Quantities(IEnumerable<KeyValuePair<string, Quantity>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, Quantity>(StringComparer.Ordinal);
        foreach (var (name, quantity) in items)
        {
            DomainException.ThrowIf(name is null || !NamePattern().IsMatch(name), $"quantity name '{name}' must be a lower-case identifier like 'fatalities'");
            DomainException.ThrowIf(quantity is null, $"quantity '{name}' has no value");
            DomainException.ThrowIf(builder.ContainsKey(name!), $"quantity '{name}' is given twice");
            builder.Add(name!, quantity!);
        }

        _items = builder.ToImmutable();
    }

    public static Quantities Empty { get; } = new([]);

    public Quantity this[string key] => _items[key];

    public IEnumerable<string> Keys => _items.Keys;

    public IEnumerable<Quantity> Values => _items.Values;

    public int Count => _items.Count;

    public bool ContainsKey(string key) => _items.ContainsKey(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Quantity value) => _items.TryGetValue(key, out value);

    /// <summary>A copy with <paramref name="name"/> set to <paramref name="quantity"/>.</summary>
    public Quantities With(string name, Quantity quantity) => new(_items.SetItem(name, quantity));

    public IEnumerator<KeyValuePair<string, Quantity>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(Quantities? other) => other is not null && _items.Count == other._items.Count && _items.All(kv => other._items.TryGetValue(kv.Key, out var q) && q == kv.Value);

    public override bool Equals(object? obj) => Equals(obj as Quantities);

    public override int GetHashCode() => _items.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value));

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex NamePattern();

    /// <summary>The quantity names the extraction contract fixes.</summary>
    public static class Names
    {
        public const string Fatalities = "fatalities";
        public const string Injured = "injured";
        public const string Arrested = "arrested";
        public const string Abducted = "abducted";
        public const string Prisoners = "prisoners";
        public const string Vehicles = "vehicles";
        public const string Operations = "operations";
        public const string Strikes = "strikes";
        public const string Displaced = "displaced";
    }
}
