using System.Data.Common;

namespace Marsad.Core.Storage;

/// <summary>
/// One statement of a write transaction run for many rows, its values set by position (the order its parameters
/// first appear in the SQL). An import inserts two rows an event: on SQLite the ADO.NET command's own work per run
/// (binding each value by name, a data reader per execution) cost more than SQLite's insert itself, so there the
/// statement is stepped directly (the SQLite provider registers how, see <see cref="Register"/>); other providers bind
/// the command's parameters.
/// </summary>
internal abstract class RowStatement : IDisposable
{
    /// <summary>The value of the parameter at this position: a string, a whole number, a real number or null.</summary>
    public abstract void Set(int position, object? value);

    /// <summary>Text given as its UTF-8 bytes (a payload serialised to UTF-8 need not become a string to be stored).</summary>
    public abstract void SetUtf8(int position, byte[] utf8);

    public abstract Task ExecuteAsync(CancellationToken cancellationToken);

    public abstract void Dispose();

    /// <summary>Faster statements than a command's, by the provider's connection type (a write session knows its connection, not its dialect).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<DbConnection, string, RowStatement?>> Native = new();

    /// <summary>
    /// A provider's own statement for connections of <paramref name="connectionType"/> (null from <paramref name="create"/>:
    /// the command's parameters after all). The provider registers it before it hands out its first connection.
    /// </summary>
    public static void Register(Type connectionType, Func<DbConnection, string, RowStatement?> create) => Native[connectionType] = create;

    /// <summary>The statement for this SQL on the session's connection and transaction.</summary>
    public static RowStatement Create(DbConnection connection, DbTransaction transaction, string sql) =>
        Native.TryGetValue(connection.GetType(), out var create) && create(connection, sql) is { } native
            ? native
            : new CommandRowStatement(connection.Sql(transaction, sql));

    /// <summary>Any provider: the command's parameters, named as in the SQL, created once.</summary>
    private sealed class CommandRowStatement : RowStatement
    {
        private readonly DbCommand _command;

        public CommandRowStatement(DbCommand command)
        {
            _command = command;
            foreach (System.Text.RegularExpressions.Match name in System.Text.RegularExpressions.Regex.Matches(command.CommandText, @"@\w+"))
            {
                if (!command.Parameters.Contains(name.Value))
                {
                    command.AddParameter(name.Value, null);
                }
            }
        }

        public override void Set(int position, object? value) => _command.Parameters[position].Value = value ?? DBNull.Value;

        public override void SetUtf8(int position, byte[] utf8) => Set(position, System.Text.Encoding.UTF8.GetString(utf8));

        public override Task ExecuteAsync(CancellationToken cancellationToken) => _command.ExecuteNonQueryAsync(cancellationToken);

        public override void Dispose() => _command.Dispose();
    }
}
