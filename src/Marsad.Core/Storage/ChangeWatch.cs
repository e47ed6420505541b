using System.Data.Common;
using System.Globalization;

namespace Marsad.Core.Storage;

/// <summary>
/// Tells whether the database may have changed since a reading, through the dialect's change counter on one
/// connection held for the purpose (the counter is per connection, and this one never writes, so every commit
/// anywhere moves it). A null reading means "cannot tell": treat the data as changed.
/// </summary>
internal sealed class ChangeWatch(SqlDialect dialect)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DbConnection? _connection;
    private DbCommand? _command;
    private int _generation;

    /// <summary>A reading of the counter; equal readings mean nothing was committed between them.</summary>
    public readonly record struct Reading(int Generation, long Value);

    public async Task<Reading?> ReadAsync(CancellationToken cancellationToken)
    {
        if (dialect.ChangeCounterSql is not { } sql)
        {
            return null;
        }

        if (!dialect.ChangeCounterPerConnection)
        {
            // A server-wide counter: any pooled connection reads it, and none is held between readings.
            await using var connection = await dialect.OpenAsync(cancellationToken);
            await using var command = connection.Sql(null, sql);
            return new Reading(0, Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture));
        }

        await _gate.WaitAsync(cancellationToken);
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
        finally
        {
            _gate.Release();
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
