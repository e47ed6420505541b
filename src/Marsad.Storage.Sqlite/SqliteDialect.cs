using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Marsad.Core.Storage.Sqlite;

/// <summary>
/// SQLite through Microsoft.Data.Sqlite: WAL journal so readers never block the writer, and
/// BEGIN IMMEDIATE transactions so writers queue instead of failing half-way.
/// </summary>
public sealed class SqliteDialect : SqlDialect
{
    private const string MmapBytes = "1073741824";
    private readonly string _connectionString;

    /// <summary>Native connections whose pragmas are set (weak keys: a closed connection drops out).</summary>
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    /// <summary>Rows inserted many times a transaction are stepped on the native handle (see <see cref="SqliteRowStatement"/>).</summary>
    static SqliteDialect() =>
        RowStatement.Register(typeof(SqliteConnection), (connection, sql) => ((SqliteConnection)connection).Handle is { } handle ? new SqliteRowStatement(handle, sql) : null);

    public SqliteDialect(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>SQLite's own counter: it moves when any other connection commits, and reading it touches no table.</summary>
    public override string? ChangeCounterSql => "PRAGMA data_version";

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override bool SupportsNetFunctions => true;

    public override void AddFunction(DbConnection connection, string name, Func<string?, string?> function) =>
        ((SqliteConnection)connection).CreateFunction(name, function, isDeterministic: true);

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Pooling hands back the same native connection many times: its settings stay, so set them once.
            if (connection.Handle is not { } handle || Configured.TryGetValue(handle, out _))
            {
                return connection;
            }

            using var pragma = connection.CreateCommand();
            // synchronous=NORMAL in WAL mode keeps every committed transaction across a killed process;
            // only a power cut can lose the last few, and never leaves one half-written.
            // mmap_size: reads come straight from the operating system's page cache, shared by every connection,
            // instead of a copy per connection (a new pooled connection is not cold).
            // temp_store=MEMORY: sorts, DISTINCTs and trigger sub-queries build small temporary tables; in a
            // file each one costs system calls, which dominated a bulk corroboration's trigger work.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000; PRAGMA cache_size=-65536; PRAGMA mmap_size=" + MmapBytes + "; PRAGMA temp_store=MEMORY;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            Configured.AddOrUpdate(handle, Configured);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // Microsoft.Data.Sqlite starts non-deferred transactions with BEGIN IMMEDIATE: the write lock is taken up front.
        return await connection.BeginTransactionAsync(cancellationToken);
    }

    public override async Task<DbTransaction?> TryBeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // No busy wait for this one BEGIN IMMEDIATE: neither SQLite's (busy_timeout) nor Microsoft.Data.Sqlite's own retry
        // loop, which runs for the command timeout (in whole seconds, 0 meaning forever, so 1 is its shortest). The pooled
        // connection gets its usual waits back afterwards.
        var sqlite = (SqliteConnection)connection;
        var timeout = sqlite.DefaultTimeout;
        sqlite.DefaultTimeout = 1;
        await SetBusyTimeoutAsync(connection, 0, cancellationToken);
        try
        {
            return await connection.BeginTransactionAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 or 8)
        {
            return null; // SQLITE_BUSY, SQLITE_LOCKED: a writer holds it; SQLITE_READONLY: this process may only read.
        }
        finally
        {
            sqlite.DefaultTimeout = timeout;
            await SetBusyTimeoutAsync(connection, 60000, CancellationToken.None);
        }
    }

    private static async Task SetBusyTimeoutAsync(DbConnection connection, int milliseconds, CancellationToken cancellationToken)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout=" + milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await pragma.ExecuteNonQueryAsync(cancellationToken);
    }

    public override string RowOrderColumn => "rowid";

    /// <summary>
    /// Without the memory map for the read: every page of the file read through it stays mapped into the process, so
    /// a stream over a million events would grow the resident set by the size of the table; read into the
    /// connection's page cache instead, whose size is fixed (cache_size), memory stays flat.
    /// </summary>
    internal override async Task<IAsyncDisposable> BeginLongReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await SetMmapAsync(connection, "0", cancellationToken);
        return new MmapRestore(connection);
    }

    private static async Task SetMmapAsync(DbConnection connection, string bytes, CancellationToken cancellationToken)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA mmap_size=" + bytes;
        await pragma.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class MmapRestore(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await SetMmapAsync(connection, MmapBytes, CancellationToken.None);
    }

    internal override async Task<IBulkEventInserts?> BeginBulkEventInsertsAsync(WriteSession session, CancellationToken cancellationToken) =>
        await SqliteBulkEventInserts.BeginAsync(session, cancellationToken);

    public override Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // A deferred transaction takes its WAL snapshot at the first read and holds it to the end, without blocking writers.
        return Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));
    }

    public override bool IsTransient(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 }; // SQLITE_BUSY, SQLITE_LOCKED
}
