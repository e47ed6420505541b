using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Marsad.Core.Storage.Sqlite;

/// <summary>
/// A <see cref="RowStatement"/> prepared once on the connection's native handle, bound by index and stepped: the
/// transaction is the connection's own, so the row lands in the caller's write transaction as the command's would.
/// Values bind as Microsoft.Data.Sqlite binds them (text, integer, real, null); a failed step throws its
/// <see cref="SqliteException"/>.
/// </summary>
internal sealed class SqliteRowStatement : RowStatement
{
    private const int Done = 101;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    /// <summary>Bind index of each position: positions follow the parameters' first appearance, as SQLite numbers them.</summary>
    private readonly int _count;

    public SqliteRowStatement(sqlite3 db, string sql)
    {
        _db = db;
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        _statement = statement!;

        _count = raw.sqlite3_bind_parameter_count(_statement);
    }

    public override void Set(int position, object? value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, _count);
        var index = position + 1;
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, index),
            string text => raw.sqlite3_bind_text(_statement, index, text),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            double number => raw.sqlite3_bind_double(_statement, index, number),
            _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"parameter {position}: no binding for {value.GetType().Name}"), nameof(value)),
        };
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public override void SetUtf8(int position, byte[] utf8)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, _count);
        var rc = raw.sqlite3_bind_text(_statement, position + 1, new ReadOnlySpan<byte>(utf8));
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public override Task ExecuteAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != Done)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        return Task.CompletedTask;
    }

    public override void Dispose() => _statement.Dispose();
}
