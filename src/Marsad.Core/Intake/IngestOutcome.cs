namespace Marsad.Core.Intake;

/// <summary>
/// What happened to one input (a file, or one item of a feed), and what extraction proposed from it if it ran now.
/// <paramref name="Undated"/>: the document states no publication date (none given either); <paramref name="UnresolvedDates"/>
/// of its proposed events then have no date (date null), until <c>documents set-date</c> gives the document one.
/// </summary>
public sealed record IngestOutcome(
    string Origin, IngestStatus Status, Guid? DocumentId = null, string? Title = null, string? Problem = null, Extract.ExtractionCounts? Extracted = null,
    bool Undated = false, int UnresolvedDates = 0);

/// <summary>Stored now, already in the record (same normalised text), or not ingested (see the problem).</summary>
public enum IngestStatus
{
    Stored,
    AlreadyPresent,
    Failed,
}
