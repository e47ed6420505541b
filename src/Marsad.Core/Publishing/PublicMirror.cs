using System.Data.Common;
using System.Globalization;
using Marsad.Core.Access;
using Marsad.Core.Events.Search;
using Marsad.Core.Storage;

namespace Marsad.Core.Publishing;

/// <summary>
/// A public mirror by PostgreSQL's logical replication (issue 17): <c>marsad db publish</c> on the team's server keeps
/// <see cref="PublicView"/> up to date and publishes it; <c>marsad db mirror</c> on the public server subscribes. Only
/// the rows and columns the view names leave the team's server: unpublished events, confidential sources and sensitive
/// person fields never do. A publication ended (an event withdrawn) reaches the mirror as a delete.
/// </summary>
public static class PublicMirror
{
    private const int Batch = 500;

    public sealed record PublishResult(int Rendered, int Visible, bool LogicalWal);

    /// <summary>
    /// Turns the public view on (queue triggers on the record tables), renders every record into it and (re)creates the
    /// publication from <see cref="PublicView"/>'s definition. Run again, it redoes the same and changes nothing else.
    /// </summary>
    public static async Task<PublishResult> PublishAsync(IMarsadStore store, CancellationToken cancellationToken = default)
    {
        var dialect = DialectOf(store);
        await using (var connection = await dialect.OpenAsync(cancellationToken))
        await using (var tx = await dialect.BeginWriteAsync(connection, cancellationToken))
        {
            foreach (var (kind, table) in PublicView.Kinds)
            {
                await ExecuteAsync(connection, tx, $"CREATE OR REPLACE TRIGGER {table}_public_view_queue AFTER INSERT OR UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION marsad_public_view_queue('{kind}')", cancellationToken);
            }

            await QueueEveryRecordAsync(connection, tx, cancellationToken);

            await ExecuteAsync(connection, tx, "UPDATE public_view_state SET enabled = true", cancellationToken);
            await ExecuteAsync(connection, tx, $"DROP PUBLICATION IF EXISTS {PublicView.Publication}", cancellationToken);
            await ExecuteAsync(connection, tx, PublicView.PublicationSql, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        var rendered = await SyncAsync(store, cancellationToken);
        await using var read = await dialect.OpenAsync(cancellationToken);
        var visible = Convert.ToInt32(await ScalarAsync(read, $"SELECT COUNT(*) FROM {PublicView.Table} WHERE {PublicView.RowFilter}", cancellationToken), CultureInfo.InvariantCulture);
        var logical = string.Equals(await ScalarAsync(read, "SHOW wal_level", cancellationToken) as string, "logical", StringComparison.Ordinal);
        return new PublishResult(rendered, visible, logical);
    }

    /// <summary>
    /// Brings the public view up to date with the records queued since the last time (all of them after the confidential
    /// names changed); returns how many were rendered. Nothing to do, or the view not turned on: one cheap read.
    /// Concurrent calls queue on the state row; the records are read committed, through the query layer.
    /// </summary>
    public static async Task<int> SyncAsync(IMarsadStore store, CancellationToken cancellationToken = default)
    {
        var dialect = DialectOf(store);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        if (!await NeedsWorkAsync(connection, cancellationToken))
        {
            return 0;
        }

        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var state = connection.Sql(tx, "SELECT names FROM public_view_state WHERE enabled FOR UPDATE"))
        {
            var names = await state.ExecuteScalarAsync(cancellationToken) as string;
            if (names is null)
            {
                return 0;
            }

            var fingerprint = EventWords.Fingerprint(await Redactions.ForAsync(connection, tx, Role.Public, cancellationToken));
            if (names != fingerprint)
            {
                // Other names are confidential now: every record's rendition is redone with the names in force.
                await QueueEveryRecordAsync(connection, tx, cancellationToken);

                await using var update = connection.Sql(tx, "UPDATE public_view_state SET names = @names");
                update.AddParameter("@names", fingerprint);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        var publicSources = (await store.Sources.ListAsync(Role.Public, cancellationToken)).ToDictionary(s => s.Id.ToString("D"), StringComparer.Ordinal);
        var rendered = 0;
        while (true)
        {
            var queued = new List<(string Kind, string Id)>();
            await using (var take = connection.Sql(tx, $"DELETE FROM public_view_pending WHERE (kind, record_id) IN (SELECT kind, record_id FROM public_view_pending LIMIT {Batch}) RETURNING kind, record_id"))
            await using (var reader = await take.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    queued.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            if (queued.Count == 0)
            {
                break;
            }

            foreach (var (kind, id) in queued)
            {
                await RenderOneAsync(store, connection, tx, kind, id, publicSources, cancellationToken);
                rendered++;
            }
        }

        await tx.CommitAsync(cancellationToken);
        return rendered;
    }

    /// <summary>
    /// On the public server (<paramref name="mirror"/>, a plain PostgreSQL database, not a Marsad record): the view's
    /// public columns as a table, subscribed to <paramref name="primary"/>'s publication. The initial copy follows.
    /// </summary>
    public static async Task SubscribeAsync(StoreOpener stores, DatabaseTarget mirror, DatabaseTarget primary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stores);
        var mirrorDialect = stores.DialectOf(mirror);
        var primaryInfo = stores.DialectOf(primary).ReplicationConnInfo;
        if (mirrorDialect.Provider != DatabaseProvider.PostgreSql || primaryInfo is null)
        {
            throw new InvalidOperationException("a public mirror is PostgreSQL's logical replication: both databases must be PostgreSQL");
        }

        await using var connection = await mirrorDialect.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, PublicView.MirrorTableSql, cancellationToken);
        var name = "marsad_public_" + connection.Database.ToLowerInvariant().Replace('-', '_');
        if (await ScalarAsync(connection, $"SELECT COUNT(*) FROM pg_subscription WHERE subname = '{name.Replace("'", "''", StringComparison.Ordinal)}'", cancellationToken) is long and > 0)
        {
            return;
        }

        // CREATE SUBSCRIPTION runs outside a transaction (it creates the slot on the primary).
        await ExecuteAsync(connection, null, $"CREATE SUBSCRIPTION \"{name.Replace("\"", "", StringComparison.Ordinal)}\" CONNECTION '{primaryInfo.Replace("'", "''", StringComparison.Ordinal)}' PUBLICATION {PublicView.Publication}", cancellationToken);
    }

    private static async Task RenderOneAsync(IMarsadStore store, DbConnection connection, DbTransaction tx, string kind, string id, IReadOnlyDictionary<string, Sources.SourceInfo> publicSources, CancellationToken cancellationToken)
    {
        var table = PublicView.Kinds.First(k => k.Kind == kind).Table;
        string? storedStatus = null;
        long version = 0;
        var versioned = kind != "source";
        await using (var read = connection.Sql(tx, versioned ? $"SELECT status, version FROM {table} WHERE id = @id" : "SELECT CASE WHEN confidential <> 0 THEN 'confidential' ELSE 'open' END, 0 FROM sources WHERE id = @id"))
        {
            read.AddParameter("@id", id);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                storedStatus = reader.GetString(0);
                version = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
        }

        if (storedStatus is null)
        {
            // Gone from the record: gone from the view (and from the mirror, if it was there).
            await using var delete = connection.Sql(tx, $"DELETE FROM {PublicView.Table} WHERE kind = @kind AND record_id = @id");
            delete.AddParameter("@kind", kind).AddParameter("@id", id);
            await delete.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        var rendition = await PublicView.RenderAsync(store, kind, id, publicSources, cancellationToken);
        await using var upsert = connection.Sql(tx, $"""
            INSERT INTO {PublicView.Table} (kind, record_id, visible, version, record, stored_status) VALUES (@kind, @id, @visible, @version, @record, @status)
            ON CONFLICT (kind, record_id) DO UPDATE SET visible = excluded.visible, version = excluded.version, record = excluded.record, stored_status = excluded.stored_status
            """);
        upsert.AddParameter("@kind", kind).AddParameter("@id", id).AddParameter("@visible", rendition is not null).AddParameter("@version", version)
            .AddParameter("@record", rendition?.ToJsonString(Storage.Json.MarsadJson.Options)).AddParameter("@status", storedStatus);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Whether the view is on and has records queued or masked with other names than those in force (one read).</summary>
    private static async Task<bool> NeedsWorkAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        string? names;
        await using (var command = connection.Sql(null, "SELECT CASE WHEN EXISTS (SELECT 1 FROM public_view_pending) THEN '*' ELSE names END FROM public_view_state WHERE enabled"))
        {
            names = await command.ExecuteScalarAsync(cancellationToken) as string;
        }

        return names switch
        {
            null => false,
            "*" => true,
            _ => names != EventWords.Fingerprint(await Redactions.ForAsync(connection, null, Role.Public, cancellationToken)),
        };
    }

    private static SqlDialect DialectOf(IMarsadStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var dialect = ((MarsadStore)store).Dialect;
        return dialect.Provider == DatabaseProvider.PostgreSql
            ? dialect
            : throw new InvalidOperationException($"database {store.Target.Display}: a public mirror needs PostgreSQL (logical replication); this is {dialect.Provider}");
    }

    private static async Task QueueEveryRecordAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken)
    {
        foreach (var (kind, table) in PublicView.Kinds)
        {
            await ExecuteAsync(connection, tx, $"INSERT INTO public_view_pending (kind, record_id) SELECT '{kind}', id FROM {table} ON CONFLICT DO NOTHING", cancellationToken);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(tx, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.Sql(null, sql);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
