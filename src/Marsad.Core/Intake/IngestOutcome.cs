namespace Marsad.Core.Intake;

/// <summary>What happened to one input (a file, or one item of a feed), and what extraction proposed from it if it ran now.</summary>
public sealed record IngestOutcome(string Origin, IngestStatus Status, Guid? DocumentId = null, string? Title = null, string? Problem = null, Extract.ExtractionCounts? Extracted = null);

/// <summary>Stored now, already in the record (same normalised text), or not ingested (see the problem).</summary>
public enum IngestStatus
{
    Stored,
    AlreadyPresent,
    Failed,
}
