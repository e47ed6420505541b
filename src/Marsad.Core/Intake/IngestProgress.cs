namespace Marsad.Core.Intake;

/// <summary>Progress of an ingest run: inputs done out of inputs found, and the outcome of the last one.</summary>
public sealed record IngestProgress(int Done, int Total, IngestOutcome Last);
