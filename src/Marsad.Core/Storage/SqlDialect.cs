using System.Data.Common;

namespace Marsad.Core.Storage;

/// <summary>
/// What differs between database engines; everything else (the stores, the audit chain, migrations)
/// is written once against ADO.NET. SQL in the stores sticks to what SQLite and PostgreSQL share.
/// </summary>
public abstract class SqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts a write transaction that holds the audit chain's head: only one writer appends at a
    /// time, across processes, so the chain never forks.
    /// </summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="BeginWriteAsync"/> when the write lock is free this moment, else null without waiting for it (at
    /// most a second on SQLite; also on a database this process may only read): for work a reader may do on the way but must never wait for.
    /// </summary>
    public abstract Task<DbTransaction?> TryBeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

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
    /// Where a bulk upsert's inserts are gathered and written together, or null where each runs as it comes (an engine
    /// in the process, where a statement costs no round trip). By default, batches of statements where the connection
    /// has batches.
    /// </summary>
    internal virtual Records.IPendingInserts? PendingInserts(WriteSession session, ChangeContext context, DateTimeOffset now) =>
        Records.BatchedInserts.For(session, context, now);

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

    /// <summary>
    /// Whether the events carry a spatial index (PostGIS's <c>geom</c>) that the place filters should read; otherwise
    /// they test the latitude and longitude columns (see Events/SpatialSql).
    /// </summary>
    internal virtual ValueTask<bool> HasSpatialIndexAsync(DbConnection connection, CancellationToken cancellationToken) => ValueTask.FromResult(false);

    /// <summary>Columns the database computes from others (never written, never copied): a copy leaves them to the target.</summary>
    public virtual bool IsDerivedColumn(string table, string column) => false;

    /// <summary>Whether this error means the database was busy or a concurrent writer won, so the unit of work may be retried.</summary>
    public abstract bool IsTransient(DbException exception);

    /// <summary>
    /// Whether the change counter counts per connection (SQLite's data_version: the watch must keep one connection)
    /// or is global to the server (PostgreSQL's WAL position: any pooled connection reads it).
    /// </summary>
    public virtual bool ChangeCounterPerConnection => true;

    /// <summary>Whether <see cref="AddFunction"/> works on this engine; otherwise the access rules build their SQL from plain functions.</summary>
    public virtual bool SupportsNetFunctions => false;

    /// <summary>The text search operator: case-insensitive on every engine (SQLite's LIKE already is, for ASCII).</summary>
    public virtual string CaseInsensitiveLike => "LIKE";

    /// <summary>
    /// A subquery of the <paramref name="keys"/> (columns of <c>t</c>) of the rows of the text index <paramref name="table"/>
    /// (<c>event_text</c>, <c>register_text</c>) whose <paramref name="column"/> words (<c>full</c>, <c>team</c> or
    /// <c>public</c>, see Events/Search) match the query bound to <paramref name="parameter"/> (<see cref="TextSearchQuery"/>):
    /// FTS5 here. More conditions on <c>t</c> may follow with AND.
    /// </summary>
    public virtual string TextSearchMatches(string table, string keys, string column, string parameter) =>
        $"SELECT {keys} FROM {table} t WHERE t.rowid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH {parameter})";

    /// <summary>
    /// The search for words already in normal form (letters and digits only): each word as the start of a word of the
    /// column, all of them (FTS5's query syntax here, each word quoted so none is read as an operator).
    /// </summary>
    public virtual string TextSearchQuery(IReadOnlyList<string> words, string column) =>
        string.Join(" AND ", words.Select(w => $"{column}_text : \"{w.Replace("\"", "\"\"", StringComparison.Ordinal)}\"*"));

    /// <summary>An ORDER BY term that orders text without regard to letter case.</summary>
    public virtual string CaseInsensitiveOrder(string column) => $"{column} COLLATE NOCASE";

    /// <summary>The scalar (as text) at a dotted path (<c>status.new</c>) in a JSON text column, or NULL.</summary>
    public virtual string JsonValue(string json, string path) => $"json_extract({json}, '$.{path}')";

    /// <summary>A FROM item: one row per element of the JSON array at <paramref name="key"/>, its scalar in column <c>value</c>.</summary>
    public virtual string JsonArrayValues(string json, string key, string alias) => $"json_each({json}, '$.{key}') {alias}";

    /// <summary>A FROM item: one row per element (a JSON object) of the array at <paramref name="key"/>, in column <c>value</c>, for <see cref="JsonValue"/>.</summary>
    public virtual string JsonArrayObjects(string json, string key, string alias) => JsonArrayValues(json, key, alias);

    /// <summary>An aggregate gathering the expression's values into a JSON array (NULL or <c>[]</c> when there are none).</summary>
    public virtual string JsonArrayAggregate(string expression) => $"json_group_array({expression})";

    /// <summary>Days from one ISO date column to another, as a floating number; NULL when either is '' (undated).</summary>
    public virtual string DaysBetween(string start, string end) => $"(julianday({end}) - julianday({start}))";

    /// <summary>SQL that moves an identity column's next value past the rows copied in with their own ids, or null when the engine needs none.</summary>
    public virtual string? IdentityResetSql(string table, string column) => null;

    /// <summary>
    /// The server's own connection string in libpq's form (host=… port=… dbname=…), for a subscriber that connects to
    /// this database (a public mirror); null where the engine has no such thing.
    /// </summary>
    internal virtual string? ReplicationConnInfo => null;

    /// <summary>
    /// Run after each write transaction this dialect commits (<see cref="WriteAsync"/>), outside it: the store sets it
    /// to bring derived tables (the public view) up to date. Its failure never undoes or fails the committed write.
    /// </summary>
    internal Func<CancellationToken, Task>? Committed { get; set; }

    /// <summary>
    /// Makes the partition that a row of <paramref name="table"/> with partition key <paramref name="key"/> belongs in,
    /// when the engine partitions that table and the partition is missing. By default nothing.
    /// </summary>
    internal virtual ValueTask PartitionAheadAsync(WriteSession session, string table, string key, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>
    /// Partitions events and revisions by month with every row in its month (<see cref="MonthPartitions"/>); false when
    /// they were already. Only PostgreSQL partitions tables.
    /// </summary>
    internal virtual Task<bool> PartitionTablesByMonthAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"partitioning by month needs PostgreSQL (declarative partitioning); this database is {Provider}, one file, which needs none");

    /// <summary>
    /// Run in a write transaction just before it commits, where its writes may have put rows where the schema wants them
    /// elsewhere (PostgreSQL: a month's first events in the default partition, moved into a partition of their own). By
    /// default nothing.
    /// </summary>
    internal virtual Task BeforeCommitAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs <see cref="Committed"/>; a failure leaves its work queued for the next write, and the write stands.</summary>
    internal async Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        if (Committed is { } after)
        {
            try
            {
                await after(cancellationToken);
            }
            catch (DbException)
            {
            }
        }
    }

    /// <summary>Whether <see cref="WriteAsync"/> runs a write again after a passing failure (SQLite's busy wait already waits for the lock).</summary>
    protected virtual bool RetriesWrites => false;

    /// <summary>
    /// Whether a failure raised by the commit itself says for certain that nothing was committed (the server answered
    /// with an error), so the transaction may be run again; a connection lost while committing leaves that unknown.
    /// </summary>
    protected virtual bool CommitSurelyFailed(DbException exception) => false;

    /// <summary>
    /// One write transaction: opened, locked (<see cref="BeginWriteAsync"/>), the work run in a <see cref="WriteSession"/>,
    /// committed. Where the engine retries writes, a passing failure (<see cref="IsTransient"/>: a serialization failure,
    /// a deadlock, a dropped connection) rolls the attempt back whole and runs the work again on a new connection, so the
    /// work must start from what it is given (the record, the time) and not from what an earlier attempt did. A failure
    /// while committing is run again only when the commit surely failed; otherwise it is reported, never written twice.
    /// </summary>
    internal async Task<T> WriteAsync<T>(Func<WriteSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            var committing = false;
            try
            {
                await using var connection = await OpenAsync(cancellationToken);
                await using var tx = await BeginWriteAsync(connection, cancellationToken);
                T result;
                await using (var session = new WriteSession(connection, tx) { Dialect = this })
                {
                    result = await work(session, cancellationToken);
                }

                await BeforeCommitAsync(connection, tx, cancellationToken);

                committing = true;
                await tx.CommitAsync(cancellationToken);
                await AfterCommitAsync(cancellationToken);
                return result;
            }
            catch (DbException ex) when (RetriesWrites && attempt < 5 && IsTransient(ex) && (!committing || CommitSurelyFailed(ex)))
            {
                await Task.Delay(TimeSpan.FromMilliseconds((50 << attempt) + Random.Shared.Next(50)), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Runs a unit of work again when it fails for a passing reason (<see cref="IsTransient"/>): a serialization
    /// failure, a deadlock, a dropped connection. The work must start its own connection and transaction.
    /// </summary>
    public async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work(cancellationToken);
            }
            catch (DbException ex) when (attempt < 5 && IsTransient(ex))
            {
                // Back off a little more each time, with jitter, so that retried writers do not collide again.
                await Task.Delay(TimeSpan.FromMilliseconds((50 << attempt) + Random.Shared.Next(50)), cancellationToken);
            }
        }
    }
}
