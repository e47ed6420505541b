namespace Marsad.Core.Intake;

/// <summary>The end of an ingest run: every outcome, and the counts the CLI prints.</summary>
public sealed record IngestSummary(IReadOnlyList<IngestOutcome> Outcomes)
{
    public int Stored => Outcomes.Count(o => o.Status == IngestStatus.Stored);

    public int AlreadyPresent => Outcomes.Count(o => o.Status == IngestStatus.AlreadyPresent);

    public int Failed => Outcomes.Count(o => o.Status == IngestStatus.Failed);
}
