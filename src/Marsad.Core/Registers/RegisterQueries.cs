using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Core.Access;
using Marsad.Core.Records;
using Marsad.Core.Registers.Persons;
using Marsad.Core.Registers.Search;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Records;

namespace Marsad.Core.Registers;

/// <summary>Register listings over ADO.NET: the role's rules in SQL (published only), in masking and in source names.</summary>
internal sealed class RegisterQueries(SqlDialect dialect) : IRegisterQueries
{
    public async Task<IReadOnlyList<RegisterItem<T>>> ListAsync<T>(RegisterQuery query, Role role, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        var kind = RecordKinds.For(typeof(T));
        var byPlace = !string.IsNullOrWhiteSpace(query.Admin1) || query.Within is not null;
        if (byPlace && typeof(T) != typeof(Person))
        {
            throw new ArgumentException("admin1 and bbox filter the persons register only");
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            await RegisterTextIndex.SyncAsync(dialect, cancellationToken);
        }

        var sql = new StringBuilder($"SELECT payload, version FROM {kind.Table} WHERE 1 = 1");
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        if (!query.IncludeMerged)
        {
            sql.Append(" AND merged_into IS NULL");
        }

        if (!role.SeesUnpublished())
        {
            sql.Append(" AND status = 'published'");
        }

        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {StatusColumn(kind)} = @status");
            command.AddParameter("@status", query.Status.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // The words of the record as the role reads it (confidential names redacted, a person's withheld fields
            // left out), never the stored record: a search must not find anyone by what the role is not shown.
            var secrets = await Redactions.ForAsync(connection, null, role, cancellationToken);
            sql.Append(" AND ").Append(RegisterTextIndex.Condition(dialect, command, kind.Table, query.Text, role, secrets));
        }

        // Places are filtered on the record as the role reads it (after masking), never in SQL over the stored one: a
        // withheld exact place must not answer a box or a governorate the role cannot see. So no SQL limit then.
        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY {OrderColumn(dialect, kind)}, id{(byPlace ? "" : " LIMIT @limit")}");
        command.AddParameter("@limit", Math.Max(1, query.Limit));
        command.CommandText = sql.ToString();
        var items = await ReadAsync<T>(connection, command, kind, role, cancellationToken);
        return byPlace ? [.. items.Where(i => PersonPlaces.Match((Person)(object)i.Record, query.Admin1, query.Within)).Take(Math.Max(1, query.Limit))] : items;
    }

    public async Task<RegisterItem<T>?> FindAsync<T>(string idOrPrefix, Role role, CancellationToken cancellationToken = default) where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrPrefix);
        var kind = RecordKinds.For(typeof(T));
        var key = idOrPrefix.Trim().ToLowerInvariant();
        if (key.Length < 6)
        {
            throw new ArgumentException($"'{idOrPrefix}': give the id or at least its first 6 characters", nameof(idOrPrefix));
        }

        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT payload, version FROM {kind.Table} WHERE id LIKE @prefix ESCAPE '\\'{(role.SeesUnpublished() ? "" : " AND status = 'published'")} LIMIT 5";
        command.AddParameter("@prefix", EscapeLike(key) + "%");
        var found = await ReadAsync<T>(connection, command, kind, role, cancellationToken);
        return found.Count switch
        {
            0 => null,
            1 => found[0],
            _ => throw new Ids.AmbiguousIdException(kind.EntityType, idOrPrefix.Trim(), [.. (await new Ids.RecordIds(dialect).ShortenAsync(Ids.IdKinds.FromWord(kind.EntityType) ?? Ids.IdKind.Person, found.Select(f => IdOf(f.Record)), cancellationToken)).Values]),
        };
    }

    private static async Task<IReadOnlyList<RegisterItem<T>>> ReadAsync<T>(DbConnection connection, DbCommand command, RecordKind kind, Role role, CancellationToken cancellationToken) where T : class
    {
        // Below editor, confidential names are redacted from every string of the record (an allegation's sources
        // and notes, a claim's verdict reason, a person's status notes) before anything else sees it.
        var secrets = await Redactions.ForAsync(connection, null, role, cancellationToken);
        var rows = new List<(T Record, long Version)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((JsonSerializer.Deserialize<T>(secrets.ScrubJson(reader.GetString(0)), MarsadJson.Options)!, reader.GetInt64(1)));
            }
        }

        var sources = await RecordSourceNames.ForAsync(connection, kind.EntityType, [.. rows.Select(r => kind.Id(r.Record))], role, cancellationToken);
        return [.. rows.Select(r =>
        {
            var (record, withheld) = r.Record is Person person ? Mask<T>(person, role) : (r.Record, (IReadOnlyList<string>)[]);
            return new RegisterItem<T>(record, r.Version, sources.TryGetValue(kind.Id(r.Record), out var s) ? s : [], withheld);
        })];
    }

    private static (T Record, IReadOnlyList<string> Withheld) Mask<T>(Person person, Role role)
    {
        var (masked, withheld) = PersonMask.For(person, role);
        return ((T)(object)masked, withheld);
    }

    private static string StatusColumn(RecordKind kind) => kind.EntityType switch
    {
        "person" => "person_status",
        "claim" => "verdict",
        "allegation" => "investigation_status",
        _ => "status",
    };

    private static string OrderColumn(SqlDialect dialect, RecordKind kind) => kind.EntityType switch
    {
        "person" => dialect.CaseInsensitiveOrder("name"),
        "claim" => "claim_date",
        "allegation" => "alleged_on",
        _ => "updated_at",
    };

    private static string EscapeLike(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static Guid IdOf(object record) => record switch
    {
        Person p => p.Id,
        Claim c => c.Id,
        Allegation a => a.Id,
        _ => throw new NotSupportedException(record.GetType().Name),
    };
}
