using System.Collections.Immutable;

namespace Marsad.Domain.Common;

/// <summary>Where in a document's clean text each field was read: field name → span.</summary>
public sealed record Evidence
{
    public Evidence(IEnumerable<KeyValuePair<string, TextSpan>> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, TextSpan>(StringComparer.Ordinal);
        foreach (var (field, span) in spans)
        {
            DomainException.ThrowIf(string.IsNullOrWhiteSpace(field), "evidence: a span needs a field name");
            DomainException.ThrowIf(span is null, $"evidence: field '{field}' has no span");
            builder[field] = span!;
        }

        Spans = builder.ToImmutable();
    }

    public static Evidence None { get; } = new([]);

    public ImmutableSortedDictionary<string, TextSpan> Spans { get; }

    public bool Equals(Evidence? other) => other is not null && Spans.Count == other.Spans.Count && Spans.All(kv => other.Spans.TryGetValue(kv.Key, out var s) && s == kv.Value);

    public override int GetHashCode() => Spans.Count;
}
