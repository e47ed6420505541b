namespace Marsad.Core.Corroboration;

/// <summary>What a corroboration run did: the merges (each with its reasons), the grades it set, and groups it had to leave because someone edited them meanwhile.</summary>
public sealed record CorroborationOutcome(IReadOnlyList<MergeRecord> Merges, int Graded, int SkippedForConflicts, long ComparedPairs);

/// <summary>One incident: the event that stands for it, the events merged into it, and why.</summary>
public sealed record MergeRecord(Guid Into, IReadOnlyList<Guid> Merged, string Reason);
