using System.Data.Common;
using System.Globalization;
using Marsad.Core.Access;
using Marsad.Core.Storage;

namespace Marsad.Core.Events.Search;

/// <summary>
/// What a text index (events' or the registers') has still to do: records queued in its pending table, or words
/// masked with another list of confidential names than the one in force (its state table's fingerprint).
/// </summary>
internal static class TextIndexState
{
    /// <summary>
    /// Brings an index up to date: one cheap read when it is; otherwise <paramref name="index"/> in one write
    /// transaction, taken only when no writer holds the lock, since a reader never waits for a writer.
    /// </summary>
    public static async Task SyncAsync(SqlDialect dialect, string pendingTable, string stateTable, Func<DbConnection, DbTransaction, CancellationToken, Task> index, CancellationToken cancellationToken)
    {
        await using (var connection = await dialect.OpenAsync(cancellationToken))
        {
            if (!await NeedsWorkAsync(connection, null, pendingTable, stateTable, cancellationToken))
            {
                return;
            }
        }

        await dialect.RetryAsync(async ct =>
        {
            await using var connection = await dialect.OpenAsync(ct);
            await using var tx = await dialect.TryBeginWriteAsync(connection, ct);
            if (tx is null)
            {
                return false;
            }

            await index(connection, tx, ct);
            await tx.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    private static async Task<bool> NeedsWorkAsync(DbConnection connection, DbTransaction? tx, string pendingTable, string stateTable, CancellationToken cancellationToken)
    {
        await using (var command = connection.Sql(tx, $"SELECT COUNT(*) FROM (SELECT 1 FROM {pendingTable} LIMIT 1) p"))
        {
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
            {
                return true;
            }
        }

        var secrets = await Redactions.ForAsync(connection, tx, Role.Public, cancellationToken);
        return await StoredFingerprintAsync(connection, tx, stateTable, cancellationToken) != EventWords.Fingerprint(secrets);
    }

    public static async Task<string?> StoredFingerprintAsync(DbConnection connection, DbTransaction? tx, string stateTable, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(tx, $"SELECT names FROM {stateTable}");
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
