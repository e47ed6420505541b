using System.Globalization;
using Marsad.Core.Access;
using Marsad.Core.Audit;
using Marsad.Core.Storage;
using Marsad.Domain.Documents;

namespace Marsad.Core.Sources;

/// <summary>The sources register over ADO.NET.</summary>
internal sealed class SourceStore(SqlDialect dialect, TimeProvider time) : ISourceStore
{
    public async Task<IReadOnlyList<SourceInfo>> ListAsync(Role role, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = connection.Sql(null, """
            SELECT s.id, s.name, s.kind, s.confidential, s.url, s.reliability_note, (SELECT COUNT(*) FROM documents d WHERE d.source_id = s.id)
            FROM sources s ORDER BY s.name_key
            """);
        var list = new List<SourceInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var confidential = Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture) != 0;
            if (confidential && !role.SeesConfidentialSources())
            {
                continue;
            }

            list.Add(new SourceInfo(Guid.Parse(reader.GetString(0)), reader.GetString(1), ParseKind(reader.GetString(2)), confidential,
                reader.GetStringOrNull(4), reader.GetStringOrNull(5), Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture)));
        }

        return list;
    }

    public async Task<SourceInfo> SaveAsync(string name, SourceKind kind, bool confidential, string? url, string? reliabilityNote, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var source = new Source(Guid.CreateVersion7(time.GetUtcNow()), name, kind, confidential, url, reliabilityNote);
        var key = source.Name.ToUpperInvariant();
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await dialect.BeginWriteAsync(connection, cancellationToken);
        await using (var upsert = connection.Sql(tx, """
            INSERT INTO sources (id, name, name_key, kind, confidential, url, reliability_note, created_at)
            VALUES (@id, @name, @key, @kind, @confidential, @url, @note, @at)
            ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, kind = excluded.kind, confidential = excluded.confidential,
                url = excluded.url, reliability_note = excluded.reliability_note
            """))
        {
            upsert.AddParameter("@id", source.Id.ToString("D")).AddParameter("@name", source.Name).AddParameter("@key", key)
                .AddParameter("@kind", KindName(kind)).AddParameter("@confidential", confidential ? 1 : 0).AddParameter("@url", url)
                .AddParameter("@note", reliabilityNote).AddParameter("@at", RevisionHasher.FormatTime(time.GetUtcNow()));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var session = new WriteSession(connection, tx))
        {
            await RowSealer.SealAsync(session, SealedTable.Sources, "name_key = @key", [("@key", key)], RowSealer.Administrator("source saved"), time.GetUtcNow(), cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return (await ListAsync(Role.Admin, cancellationToken)).Single(s => s.Name.ToUpperInvariant() == key);
    }

    internal static string KindName(SourceKind kind) => kind switch
    {
        SourceKind.Outlet => "outlet",
        SourceKind.FieldNetwork => "field_network",
        SourceKind.NamedSource => "named_source",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static SourceKind ParseKind(string name) => name switch
    {
        "field_network" => SourceKind.FieldNetwork,
        "named_source" => SourceKind.NamedSource,
        _ => SourceKind.Outlet,
    };
}
