using System.Collections.Immutable;
using Marsad.Domain.Common;

namespace Marsad.Domain.Lexicon;

/// <summary>An actor lexicon entry: the canonical name (ACLED's where ACLED has one) and every variant that names it.</summary>
public sealed record Actor
{
    public Actor(string canonicalName, IEnumerable<string> variants, string? kind = null)
    {
        DomainException.ThrowIf(string.IsNullOrWhiteSpace(canonicalName), "actor: canonical name is required");
        ArgumentNullException.ThrowIfNull(variants);
        CanonicalName = canonicalName.Trim();
        Variants = [.. variants.Select(v => string.IsNullOrWhiteSpace(v) ? throw new DomainException($"actor '{canonicalName}': a variant is blank") : v.Trim()).Distinct(StringComparer.Ordinal)];
        Kind = kind;
    }

    public string CanonicalName { get; }

    /// <summary>English spellings, transliterations, Arabic.</summary>
    public ImmutableArray<string> Variants { get; }

    /// <summary>state forces, rebel group, militia, civilians, ...</summary>
    public string? Kind { get; }
}
