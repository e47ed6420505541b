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
