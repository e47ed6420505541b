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
    public static async Task<bool> NeedsWorkAsync(DbConnection connection, DbTransaction? tx, string pendingTable, string stateTable, CancellationToken cancellationToken)
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
