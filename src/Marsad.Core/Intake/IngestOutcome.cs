namespace Marsad.Core.Intake;

/// <summary>What happened to one input (a file, or one item of a feed).</summary>
public sealed record IngestOutcome(string Origin, IngestStatus Status, Guid? DocumentId = null, string? Title = null, string? Problem = null);

/// <summary>Stored now, already in the record (same normalised text), or not ingested (see the problem).</summary>
public enum IngestStatus
{
    Stored,
    AlreadyPresent,
    Failed,
}
