using System.Data.Common;
using System.Globalization;
using Marsad.Core.Access;
using Marsad.Core.Audit;
using Marsad.Core.Storage;
using Marsad.Domain.Common;
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

    public async Task<SourceInfo> SaveAsync(string name, SourceKind? kind, bool? confidential, string? url, string? reliabilityNote, ChangeContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var key = NameNormaliser.Key(name);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var tx = await dialect.BeginWriteAsync(connection, cancellationToken);
        var existing = await FindAsync(connection, tx, name, cancellationToken);
        var source = new Source(existing is null ? Guid.CreateVersion7(time.GetUtcNow()) : Guid.Parse(existing), name, kind ?? SourceKind.Outlet, confidential ?? false, url, reliabilityNote);
        await using (var upsert = connection.Sql(tx, existing is null
            ? """
              INSERT INTO sources (id, name, name_key, kind, confidential, url, reliability_note, created_at)
              VALUES (@id, @name, @key, @kind, @confidential, @url, @note, @at)
              """
            : """
              UPDATE sources SET kind = COALESCE(@kind, kind), confidential = COALESCE(@confidential, confidential),
                  url = COALESCE(@url, url), reliability_note = COALESCE(@note, reliability_note)
              WHERE id = @id
              """))
        {
            var keep = existing is not null;
            upsert.AddParameter("@id", source.Id.ToString("D")).AddParameter("@name", source.Name).AddParameter("@key", key)
                .AddParameter("@kind", keep && kind is null ? null : KindName(source.Kind))
                .AddParameter("@confidential", keep && confidential is null ? null : source.Confidential ? 1 : 0).AddParameter("@url", url)
                .AddParameter("@note", reliabilityNote).AddParameter("@at", RevisionHasher.FormatTime(time.GetUtcNow()));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var session = new WriteSession(connection, tx))
        {
            await RowSealer.SealAsync(session, SealedTable.Sources, "name_key = @key", [("@key", key)], context ?? RowSealer.Administrator("source saved"), time.GetUtcNow(), cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        await dialect.AfterCommitAsync(cancellationToken);
        return (await ListAsync(Role.Admin, cancellationToken)).Single(s => s.Id == source.Id);
    }

    /// <summary>
    /// The id of the source a name means, in <see cref="NameNormaliser"/>'s form, so that a variant spelling (a
    /// non-breaking space, a line break, a trailing '.') is the same source, never a non-confidential twin.
    /// </summary>
    internal static async Task<string?> FindAsync(DbConnection connection, DbTransaction tx, string name, CancellationToken cancellationToken)
    {
        var key = NameNormaliser.Key(name);
        await using var command = connection.Sql(tx, "SELECT id, name FROM sources");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (NameNormaliser.Key(reader.GetString(1)) == key)
            {
                return reader.GetString(0);
            }
        }

        return null;
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
