using System.Collections.Immutable;
using Marsad.Domain.Common;

namespace Marsad.Domain.Lexicon;

/// <summary>A gazetteer entry: a named place with its variants, point and admin areas.</summary>
public sealed record Place
{
    public Place(string id, string name, IEnumerable<string> variants, GeoPoint point, string? admin1, string? admin2, string? admin3, string? kind = null)
    {
        DomainException.ThrowIf(string.IsNullOrWhiteSpace(id), "place: id is required");
        DomainException.ThrowIf(string.IsNullOrWhiteSpace(name), "place: name is required");
        ArgumentNullException.ThrowIfNull(variants);
        Id = id;
        Name = name.Trim();
        Variants = [.. variants.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal)];
        Point = point ?? throw new DomainException($"place '{name}': point is required");
        Admin1 = admin1;
        Admin2 = admin2;
        Admin3 = admin3;
        Kind = kind;
    }

    public string Id { get; }

    public string Name { get; }

    public ImmutableArray<string> Variants { get; }

    public GeoPoint Point { get; }

    public string? Admin1 { get; }

    public string? Admin2 { get; }

    public string? Admin3 { get; }

    /// <summary>city, village, neighbourhood, camp, oil field, base, ...</summary>
    public string? Kind { get; }
}
