using Marsad.Core.Analytics;
using Marsad.Core.Accounts;
using Marsad.Core.Audit;
using Marsad.Core.Documents;
using Marsad.Core.Events;
using Marsad.Core.Extract;
using Marsad.Core.Records;
using Marsad.Core.Registers;
using Marsad.Core.Sources;
using Marsad.Core.Storage.Migrations;

namespace Marsad.Core.Storage;

/// <summary>
/// The record, whatever database holds it. Callers see only this and the stores it hands out;
/// the SQLite provider is the default and a PostgreSQL provider plugs in behind the same interface.
/// Safe to share across threads; every operation opens its own connection.
/// </summary>
public interface IMarsadStore
{
    DatabaseTarget Target { get; }

    IDocumentStore Documents { get; }

    IRecordStore Records { get; }

    IAuditLog Audit { get; }

    IEventQueries Events { get; }

    ISourceStore Sources { get; }

    IExtractionStore Extractions { get; }

    /// <summary>The persons, claims and allegations registers as a role sees them.</summary>
    IRegisterQueries Registers { get; }

    IEventAnalytics Analytics { get; }

    /// <summary>Dashboard and API accounts and their tokens.</summary>
    IAccountStore Accounts { get; }

    /// <summary>Ids as people see and type them: short forms and prefix resolution.</summary>
    Ids.IRecordIds Ids { get; }

    /// <summary>Applies every migration the database lacks; returns what was applied.</summary>
    Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>The migrations this build has and the database lacks (none: its schema is current); writes nothing.</summary>
    Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken = default);
}
