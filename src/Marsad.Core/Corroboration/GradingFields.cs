using System.Collections.Immutable;
using Marsad.Domain.Events;

namespace Marsad.Core.Corroboration;

/// <summary>
/// The fields of a stored event that merging and grading read, deserialized from its payload without
/// the rest: a run over a million events need not build a million full events.
/// </summary>
internal sealed record GradingFields
{
    public ImmutableArray<string> Tags { get; init; } = [];

    public bool GradeFixed { get; init; }

    public Grade? Grade { get; init; }

    public string? GradeReason { get; init; }

    public ImmutableArray<Guid> DocumentIds { get; init; } = [];
}
