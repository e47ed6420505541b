namespace Marsad.Core.Storage.Migrations;

/// <summary>The schema version before and after a migration run, and the migrations applied.</summary>
public sealed record MigrationReport(int FromVersion, int ToVersion, IReadOnlyList<string> Applied);
