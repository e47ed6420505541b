namespace Marsad.Core.Intake;

/// <summary>
/// What to ingest: files, directories (recursively) and feed files; <see cref="Published"/> and
/// <see cref="SourceName"/> fill in for inputs that do not state them.
/// </summary>
public sealed record IngestRequest(IReadOnlyList<string> Paths, DateOnly? Published = null, string? SourceName = null);
