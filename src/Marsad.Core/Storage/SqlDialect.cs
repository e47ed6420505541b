using System.Data.Common;

namespace Marsad.Core.Storage;

/// <summary>
/// What differs between database engines; everything else (the stores, the audit chain, migrations)
/// is written once against ADO.NET. SQL in the stores sticks to what SQLite and PostgreSQL share.
/// </summary>
public abstract class SqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Embedded-resource folder holding this engine's migration scripts.</summary>
    public abstract string MigrationFolder { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts a write transaction that holds the audit chain's head: only one writer appends at a
    /// time, across processes, so the chain never forks.
    /// </summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Starts a read transaction: every query in it sees one state of the database, whatever writers commit meanwhile.</summary>
    public abstract Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A column that orders a table's rows as they lie in storage, for reading and rewriting a whole table page by page.</summary>
    public abstract string RowOrderColumn { get; }

    /// <summary>
    /// A statement whose single value changes whenever another connection (in this process or another) has
    /// committed a change since the last time this connection ran it, or null when the engine has none: lets a
    /// reader keep what it derived from the data until the data changes, at the cost of one cheap statement.
    /// </summary>
    public virtual string? ChangeCounterSql => null;

    /// <summary>
    /// Makes a function of one text argument callable from SQL on this connection: the access policy searches the
    /// text a role may see (<c>marsad_visible(payload)</c>), never the stored record.
    /// </summary>
    public virtual void AddFunction(DbConnection connection, string name, Func<string?, string?> function) =>
        throw new NotSupportedException($"{Provider}: SQL functions written in .NET are not supported");

    /// <summary>
    /// For many event inserts in one write transaction: per-row analytics maintenance set aside for set-based
    /// statements (see <see cref="IBulkEventInserts"/>), or null where the dialect keeps it per row (always correct,
    /// only slower).
    /// </summary>
    internal virtual Task<IBulkEventInserts?> BeginBulkEventInsertsAsync(WriteSession session, CancellationToken cancellationToken) =>
        Task.FromResult<IBulkEventInserts?>(null);

    /// <summary>
    /// Prepares a connection for reading a large part of the database once (an export's stream) and returns what
    /// restores it before it goes back to the pool. By default nothing changes.
    /// </summary>
    internal virtual Task<IAsyncDisposable> BeginLongReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoChange.Instance);

    private sealed class NoChange : IAsyncDisposable
    {
        public static readonly NoChange Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Whether this error means the database was busy or a concurrent writer won, so the unit of work may be retried.</summary>
    public abstract bool IsTransient(DbException exception);
}
