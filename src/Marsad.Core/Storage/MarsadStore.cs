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

/// <summary>The store over one dialect (a provider's, chosen by <see cref="StoreOpener"/>); a new database is migrated on opening.</summary>
public sealed class MarsadStore : IMarsadStore
{
    private readonly SqlDialect _dialect;
    private readonly TimeProvider _time;

    private MarsadStore(DatabaseTarget target, SqlDialect dialect, TimeProvider time)
    {
        Target = target;
        _dialect = dialect;
        _time = time;
        Documents = new DocumentStore(dialect, time);
        Records = new RecordStore(dialect, time);
        Audit = new AuditLog(dialect);
        Events = new EventQueries(dialect);
        Sources = new SourceStore(dialect, time);
        Extractions = new ExtractionStore(dialect, time);
        Registers = new RegisterQueries(dialect);
        Analytics = new EventAnalytics(dialect, OperationCalendar.Default);
        Accounts = new AccountStore(dialect, time);
        Ids = new Ids.RecordIds(dialect);
    }

    public DatabaseTarget Target { get; }

    /// <summary>The engine's SQL, for whole-database work such as <see cref="DatabaseCopy"/>.</summary>
    internal SqlDialect Dialect => _dialect;

    public IDocumentStore Documents { get; }

    public IRecordStore Records { get; }

    public IAuditLog Audit { get; }

    public IEventQueries Events { get; }

    public ISourceStore Sources { get; }

    public IExtractionStore Extractions { get; }

    public IRegisterQueries Registers { get; }

    public IEventAnalytics Analytics { get; }

    public IAccountStore Accounts { get; }

    public Ids.IRecordIds Ids { get; }

    /// <summary>
    /// The store over <paramref name="dialect"/> (which a provider made for <paramref name="target"/>, see
    /// <see cref="StoreOpener"/>), migrating the database when <paramref name="migrate"/> is true.
    /// </summary>
    public static async Task<IMarsadStore> OpenAsync(SqlDialect dialect, DatabaseTarget target, TimeProvider time, bool migrate = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(time);
        var store = new MarsadStore(target, dialect, time);
        if (dialect.Provider == DatabaseProvider.PostgreSql)
        {
            // A published server's public view follows every write (one cheap read when it is not turned on).
            dialect.Committed = ct => Publishing.PublicMirror.SyncAsync(store, ct);
        }

        if (migrate)
        {
            try
            {
                await store.MigrateAsync(cancellationToken);
            }
            catch (System.Data.Common.DbException ex)
            {
                throw new StoreUnavailableException($"database {target.Display}: {ex.Message}", ex);
            }
        }

        return store;
    }

    public Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default) => new Migrator(_dialect, _time).MigrateAsync(cancellationToken);

    public Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken = default) => new Migrator(_dialect, _time).PendingAsync(cancellationToken);
}
