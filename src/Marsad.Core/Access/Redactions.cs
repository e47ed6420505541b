using System.Data.Common;
using Marsad.Core.Events;
using Marsad.Core.Storage;

namespace Marsad.Core.Access;

/// <summary>The confidential names a role may not read, from the sources register, for the query layer to redact.</summary>
internal static class Redactions
{
    public static async Task<ConfidentialNames> ForAsync(DbConnection connection, DbTransaction? tx, Role role, CancellationToken cancellationToken)
    {
        if (role.SeesConfidentialSources())
        {
            return ConfidentialNames.None;
        }

        var names = new List<string>();
        await using var command = connection.Sql(tx, "SELECT name FROM sources WHERE confidential <> 0");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return new ConfidentialNames(names);
    }
}
