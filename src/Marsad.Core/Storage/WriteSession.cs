using System.Data.Common;

namespace Marsad.Core.Storage;

/// <summary>
/// One write transaction and the commands it runs, kept prepared: bulk work (a batch of merges, a
/// document's candidates) runs the same few statements thousands of times, and preparing SQL each
/// time cost more than running it. Also remembers the audit chain's head, which only this
/// transaction can move while it holds the write lock.
/// </summary>
internal sealed class WriteSession(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RowStatement> _statements = new(StringComparer.Ordinal);

    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    /// <summary>The dialect that began the transaction, where a writer asks it for more than SQL (an event's month partition).</summary>
    public SqlDialect? Dialect { get; init; }

    /// <summary>
    /// Before a record's row is written: on an engine that partitions events by month, the partition of the event's
    /// <c>date_start</c> is made first, so the row goes straight to it (see <see cref="SqlDialect.PartitionAheadAsync"/>).
    /// </summary>
    public ValueTask BeforeRowAsync(string table, IReadOnlyList<KeyValuePair<string, object?>> columns, CancellationToken cancellationToken)
    {
        if (Dialect is null || table != "events")
        {
            return ValueTask.CompletedTask;
        }

        foreach (var (key, value) in columns)
        {
            // Asked once a transaction for each month (a partition made by a transaction that rolled back is gone).
            if (key == "date_start" && value is string date && _partitions.Add(date.Length >= 7 ? date[..7] : date))
            {
                return Dialect.PartitionAheadAsync(this, table, date, cancellationToken);
            }
        }

        return ValueTask.CompletedTask;
    }

    private readonly HashSet<string> _partitions = new(StringComparer.Ordinal);

    /// <summary>The last revision written in this transaction (sequence and hash), once known.</summary>
    public (long Sequence, string Hash)? Head { get; set; }

    /// <summary>
    /// The prepared command for this SQL. It keeps the parameters of its last run (the same SQL always
    /// binds the same names), so binding only sets their values. The session owns it: do not dispose it.
    /// </summary>
    public DbCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            _commands[sql] = command = connection.Sql(transaction, sql);
        }

        return command;
    }

    /// <summary>The <see cref="RowStatement"/> for this SQL, prepared once; the session owns it.</summary>
    public RowStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            _statements[sql] = statement = RowStatement.Create(connection, transaction, sql);
        }

        return statement;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }
    }
}
