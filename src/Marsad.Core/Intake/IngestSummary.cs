namespace Marsad.Core.Intake;

/// <summary>The end of an ingest run: every outcome, and the counts the CLI prints.</summary>
public sealed record IngestSummary(IReadOnlyList<IngestOutcome> Outcomes)
{
    public int Stored => Outcomes.Count(o => o.Status == IngestStatus.Stored);

    public int AlreadyPresent => Outcomes.Count(o => o.Status == IngestStatus.AlreadyPresent);

    public int Failed => Outcomes.Count(o => o.Status == IngestStatus.Failed);

    /// <summary>What extraction proposed in this run, summed over inputs.</summary>
    public Extract.ExtractionCounts Proposed => Outcomes.Select(o => o.Extracted).OfType<Extract.ExtractionCounts>()
        .Aggregate(new Extract.ExtractionCounts(0, 0, 0, 0, 0), (a, b) => new(a.Events + b.Events, a.Claims + b.Claims, a.Persons + b.Persons, a.Allegations + b.Allegations, a.Checks + b.Checks));
}
