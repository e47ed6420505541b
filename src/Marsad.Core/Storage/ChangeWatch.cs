using System.Data.Common;
using System.Globalization;

namespace Marsad.Core.Storage;

/// <summary>
/// Tells whether the database may have changed since a reading, through the dialect's change counter. A per-connection
/// counter is read on one connection held for the purpose (the counter is per connection, and this one never writes,
/// so every commit anywhere moves it); a server-wide one on any pooled connection. A null reading means "cannot tell":
/// treat the data as changed.
/// Readings are taken one at a time, and callers that arrive while one is taken share the next: a reading started
/// after a caller arrived is as fresh as one of its own. Under a burst of requests the counter is then read once per
/// round trip, not once per request, and the readings hold one connection, not one each (on PostgreSQL, hundreds of
/// requests at once each opened a connection for it, and the pool grew to its limit).
/// </summary>
internal sealed class ChangeWatch(SqlDialect dialect)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DbConnection? _connection;
    private DbCommand? _command;
    private int _generation;
    private long _started;
    private (long Number, Reading Value)? _last;

    /// <summary>A reading of the counter; equal readings mean nothing was committed between them.</summary>
    public readonly record struct Reading(int Generation, long Value);

    public async Task<Reading?> ReadAsync(CancellationToken cancellationToken)
    {
        if (dialect.ChangeCounterSql is not { } sql)
        {
            return null;
        }

        // Readings are numbered as they start: one numbered above this, finished by the time the gate opens, began after now.
        var arrived = Interlocked.Read(ref _started);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } last && last.Number > arrived)
            {
                return last.Value;
            }

            var number = Interlocked.Increment(ref _started);
            _last = null;
            var reading = dialect.ChangeCounterPerConnection ? await ReadHeldAsync(sql, cancellationToken) : await ReadPooledAsync(sql, cancellationToken);
            _last = (number, reading);
            return reading;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A server-wide counter: any pooled connection reads it, and none is held between readings.</summary>
    private async Task<Reading> ReadPooledAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, sql);
        return new Reading(0, Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture));
    }

    private async Task<Reading> ReadHeldAsync(string sql, CancellationToken cancellationToken)
    {
        try
        {
            if (_command is null)
            {
                // A new connection starts its own count: the generation keeps its readings apart from the old one's.
                _connection = await dialect.OpenAsync(cancellationToken);
                _command = _connection.Sql(null, sql);
                _generation++;
            }

            return new Reading(_generation, Convert.ToInt64(await _command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture));
        }
        catch (DbException)
        {
            await ResetAsync();
            throw;
        }
    }

    private async Task ResetAsync()
    {
        if (_command is not null)
        {
            await _command.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        (_command, _connection) = (null, null);
    }
}
