using System.Collections.Immutable;
using Marsad.Domain.Common;

namespace Marsad.Domain.Events;

/// <summary>
/// Where an imported event came from: the dataset (<c>acled</c>, <c>ucdp</c>), the row's own id there, the
/// row's version (ACLED's <c>timestamp</c>) and the row's values that Marsad's model does not hold as written
/// (columns it has no field for, or writes another way), so that an export in the dataset's format gives
/// every value back. <see cref="Checks"/> records what the import had to change, in the source's own words.
/// </summary>
public sealed record EventOrigin
{
    public required string Dataset
    {
        get;
        init
        {
            DomainException.ThrowIf(string.IsNullOrWhiteSpace(value), "event origin: dataset is required");
            field = value;
        }
    }

    public required string Id
    {
        get;
        init
        {
            DomainException.ThrowIf(string.IsNullOrWhiteSpace(value), "event origin: the row's id is required");
            field = value;
        }
    }

    public string? Version { get; init; }

    /// <summary>Column name → value as the source wrote it.</summary>
    public ImmutableSortedDictionary<string, string> Fields
    {
        get;
        // Ordinal whatever comparer the map came with: the order it is written in, and cheap lookups.
        init => field = (value ?? throw new DomainException("event origin: fields must not be null")).WithComparers(StringComparer.Ordinal);
    } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public ImmutableArray<string> Checks
    {
        get;
        init
        {
            DomainException.ThrowIf(value.IsDefault, "event origin: checks must not be default");
            field = value;
        }
    } = [];

    public bool Equals(EventOrigin? other) => other is not null && Dataset == other.Dataset && Id == other.Id && Version == other.Version
        && Fields.Count == other.Fields.Count && Fields.All(kv => other.Fields.TryGetValue(kv.Key, out var v) && v == kv.Value)
        && Checks.SequenceEqual(other.Checks);

    public override int GetHashCode() => HashCode.Combine(Dataset, Id, Version);
}
