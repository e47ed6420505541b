using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace Marsad.Core.Storage.Postgres;

/// <summary>
/// PostgreSQL through Npgsql, for a team sharing one server. Writers serialise on one advisory lock held to the end
/// of their transaction, so the audit chain is extended by one writer at a time across every process and machine;
/// readers take a repeatable-read snapshot and never wait for a writer (MVCC).
/// </summary>
public sealed class PostgresDialect : SqlDialect
{
    /// <summary>The advisory lock every writer holds: "Marsad" in ASCII, so it does not collide with another application's locks.</summary>
    public const long WriteLockKey = 0x4D61727361;

    /// <summary>One pool per connection string for the whole process: each command opens a store, and they share the server's connections.</summary>
    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> Sources = new(StringComparer.Ordinal);

    private readonly NpgsqlDataSource _source;

    public PostgresDialect(string connection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        ConnectionString = ToConnectionString(connection);
        _source = Sources.GetOrAdd(ConnectionString, NpgsqlDataSource.Create);
    }

    public string ConnectionString { get; }

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    internal override string ReplicationConnInfo
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            // libpq's keywords; values quoted as conninfo wants (backslash and quote escaped).
            static string Quote(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
            var parts = new List<string> { "host=" + Quote(builder.Host ?? "localhost"), "port=" + builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (builder.Database is { Length: > 0 } database)
            {
                parts.Add("dbname=" + Quote(database));
            }

            if (builder.Username is { Length: > 0 } user)
            {
                parts.Add("user=" + Quote(user));
            }

            if (builder.Password is { Length: > 0 } password)
            {
                parts.Add("password=" + Quote(password));
            }

            return string.Join(' ', parts);
        }
    }

    /// <summary>An identity column (see the migrations): the order rows were inserted in, for paging a whole table.</summary>
    public override string RowOrderColumn => "row_order";

    /// <summary>
    /// The audit chain's head: every change to the record is a revision, written in the same transaction, so the head
    /// moves exactly when a change becomes visible (one index lookup). The WAL position would move before a commit is
    /// visible to others, and a reader could keep a state read in between.
    /// </summary>
    public override string? ChangeCounterSql => "SELECT COALESCE(MAX(seq), 0) FROM revisions";

    public override bool ChangeCounterPerConnection => false;

    public override string CaseInsensitiveLike => "ILIKE";

    /// <summary>The GIN-indexed word vectors of migrations 0030 and 0044; the query is a tsquery literal (no parser, no dictionary).</summary>
    public override string TextSearchMatches(string table, string keys, string column, string parameter) =>
        $"SELECT {keys} FROM {table} t WHERE t.{column}_words @@ CAST({parameter} AS tsquery)";

    /// <summary>Each word as a quoted lexeme with prefix match (<c>'word':*</c>), all of them (<c>&amp;</c>).</summary>
    public override string TextSearchQuery(IReadOnlyList<string> words, string column) =>
        string.Join(" & ", words.Select(w => "'" + w.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "':*"));

    public override string CaseInsensitiveOrder(string column) => $"lower({column})";

    public override string JsonValue(string json, string path) => $"(({json})::jsonb #>> '{{{path.Replace('.', ',')}}}')";

    public override string JsonArrayValues(string json, string key, string alias) =>
        $"jsonb_array_elements_text(CASE WHEN jsonb_typeof(({json})::jsonb -> '{key}') = 'array' THEN ({json})::jsonb -> '{key}' END) {alias}(value)";

    public override string JsonArrayObjects(string json, string key, string alias) =>
        $"jsonb_array_elements(CASE WHEN jsonb_typeof(({json})::jsonb -> '{key}') = 'array' THEN ({json})::jsonb -> '{key}' END) {alias}(value)";

    public override string JsonArrayAggregate(string expression) => $"json_agg({expression})::text";

    /// <summary>marsad_days is defined by the migrations (IMMUTABLE, so an expression index can answer MAX of it).</summary>
    public override string DaysBetween(string start, string end) => $"marsad_days({start}, {end})";

    public override string? IdentityResetSql(string table, string column) =>
        $"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false)";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await RetryAsync(async ct => (DbConnection)await _source.OpenConnectionAsync(ct), cancellationToken);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var npgsql = (NpgsqlConnection)connection;
        // Read committed is enough: every writer holds the same lock from its first statement, so no two writers interleave.
        var tx = await npgsql.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        try
        {
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", npgsql, tx))
            {
                command.Parameters.AddWithValue("key", WriteLockKey);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await SettlePartitionsAsync(npgsql, tx, cancellationToken);
            return tx;
        }
        catch
        {
            await tx.DisposeAsync();
            throw;
        }
    }

    public override async Task<DbTransaction?> TryBeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var npgsql = (NpgsqlConnection)connection;
        var tx = await npgsql.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(@key)", npgsql, tx);
            command.Parameters.AddWithValue("key", WriteLockKey);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return tx;
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction)
        {
            // A standby or a read-only role: the caller goes on without the write.
        }
        catch
        {
            await tx.DisposeAsync();
            throw;
        }

        await tx.DisposeAsync();
        return null;
    }

    public override async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // One snapshot for every query in the transaction; MVCC means no lock is taken that a writer could hold up.
        return await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
    }

    private bool? _spatial;

    /// <summary>
    /// Whether the PostGIS migration found the extension and added <c>events.geom</c> with its GiST index; asked once
    /// per dialect (after the store migrated), as the column only comes with a migration.
    /// </summary>
    internal override async ValueTask<bool> HasSpatialIndexAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (_spatial is { } known)
        {
            return known;
        }

        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('events') AND attname = 'geom' AND NOT attisdropped)", (NpgsqlConnection)connection);
        var found = (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
        _spatial = found;
        return found;
    }

    private bool _partitioned;

    // When the tables were last found unpartitioned (Environment.TickCount64); asked again after a while, as a team may
    // run `marsad db partition` while servers run.
    private long _unpartitionedAt = long.MinValue;

    /// <summary>
    /// Month partitions (migration 52, once a team ran <c>marsad db partition</c>) before a writer writes and before it
    /// commits: a month met for the first time (its rows put in the default partition by the writes before) gets its own
    /// partition with those rows, and revisions get this month's and the next month's partitions ahead of time. Holding
    /// the write lock, writers never do this at once. Tables not partitioned: nothing.
    /// </summary>
    private async Task SettlePartitionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (!await PartitionedAsync(connection, transaction, cancellationToken))
        {
            return;
        }

        await using var command = new NpgsqlCommand("SELECT marsad_settle_partitions()", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Whether events are partitioned: once they are, they stay so; a "no" is trusted for 30 s (a round trip a write otherwise).</summary>
    private async ValueTask<bool> PartitionedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (_partitioned || Environment.TickCount64 - _unpartitionedAt < 30_000)
        {
            return _partitioned;
        }

        await using var probe = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_partitioned_table WHERE partrelid = to_regclass('events'))", connection, transaction);
        _partitioned = await probe.ExecuteScalarAsync(cancellationToken) is true;
        if (!_partitioned)
        {
            _unpartitionedAt = Environment.TickCount64;
        }

        return _partitioned;
    }

    /// <summary>
    /// <c>marsad db partition</c>: events and revisions rebuilt partitioned by month with every row in its month, in one
    /// write transaction (the tables are locked while it runs); false when they were partitioned already.
    /// </summary>
    internal override async Task<bool> PartitionTablesByMonthAsync(CancellationToken cancellationToken)
    {
        await using var connection = (NpgsqlConnection)await OpenAsync(cancellationToken);
        bool changed;
        await using (var tx = (NpgsqlTransaction)await BeginWriteAsync(connection, cancellationToken))
        {
            await using (var command = new NpgsqlCommand("SELECT marsad_partition_tables_by_month()", connection, tx) { CommandTimeout = 0 })
            {
                changed = await command.ExecuteScalarAsync(cancellationToken) is true;
            }

            await tx.CommitAsync(cancellationToken);
        }

        _partitioned = true;
        foreach (var table in (string[])["events", "revisions"])
        {
            await using var analyze = new NpgsqlCommand($"ANALYZE {table}", connection) { CommandTimeout = 0 };
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        return changed;
    }

    /// <summary>
    /// An event's month partition before its row is written, when events are partitioned (the month of an ISO <c>date_start</c>; '' and anything
    /// else go to events_undated or the default partition): one round trip the first time a transaction meets a month
    /// (<see cref="WriteSession.BeforeRowAsync"/>).
    /// </summary>
    internal override async ValueTask PartitionAheadAsync(WriteSession session, string table, string key, CancellationToken cancellationToken)
    {
        if (table != "events" || key.Length < 7)
        {
            return;
        }

        var connection = (NpgsqlConnection)session.Connection;
        var transaction = (NpgsqlTransaction)session.Transaction;
        if (!await PartitionedAsync(connection, transaction, cancellationToken))
        {
            return;
        }

        var month = key[..7];
        await using var command = new NpgsqlCommand("SELECT marsad_partitions_ahead('events', ARRAY[@month])", connection, transaction);
        command.Parameters.AddWithValue("month", month);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal override Task BeforeCommitAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        SettlePartitionsAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, cancellationToken);

    /// <summary>events.geom is generated from latitude and longitude (0037_postgis.sql).</summary>
    internal override async Task<IBulkEventInserts?> BeginBulkEventInsertsAsync(WriteSession session, CancellationToken cancellationToken) =>
        await PostgresBulkEventInserts.BeginAsync(session, cancellationToken);

    /// <summary>A bulk upsert's inserts go as binary COPY (see <see cref="PostgresCopyInserts"/>).</summary>
    internal override Records.IPendingInserts PendingInserts(WriteSession session, ChangeContext context, DateTimeOffset now) =>
        new PostgresCopyInserts(session, context, now);

    public override bool IsDerivedColumn(string table, string column) => table == "events" && column == "geom";

    /// <summary>
    /// Writers never interleave (the advisory lock), but a write can still meet a serialization failure or deadlock with
    /// something outside Marsad (a DBA's statement, a trigger), or lose its connection; such a write is run again.
    /// </summary>
    protected override bool RetriesWrites => true;

    /// <summary>An error the server sent back (not a lost connection): the transaction was rolled back.</summary>
    protected override bool CommitSurelyFailed(DbException exception) => exception is PostgresException;

    public override bool IsTransient(DbException exception) => exception switch
    {
        // serialization failure, deadlock, lock timeout, too many connections, server shutting down or restarting
        PostgresException pg => pg.SqlState is "40001" or "40P01" or "55P03" or "53300" or "57P01" or "57P02" or "57P03",
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or SocketException,
        _ => false,
    };

    /// <summary>
    /// A <c>postgres://user:password@host:port/database?sslmode=require</c> URL as Npgsql's key/value connection string;
    /// a key/value string (<c>Host=...</c>) is checked and passed on.
    /// </summary>
    public static string ToConnectionString(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var trimmed = value.Trim();
        if (!trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new NpgsqlConnectionStringBuilder(trimmed).ConnectionString;
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException("not a valid postgres:// URL (postgres://user:password@host:port/database)", nameof(value));
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var setting = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            // libpq's names for the settings people put in URLs; anything else Npgsql knows by its own name.
            builder[key.ToLowerInvariant() switch
            {
                "sslmode" => "SSL Mode",
                "connect_timeout" => "Timeout",
                "application_name" => "Application Name",
                _ => key,
            }] = setting;
        }

        return builder.ConnectionString;
    }
}
