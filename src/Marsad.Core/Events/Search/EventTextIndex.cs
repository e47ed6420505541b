using System.Data.Common;
using System.Text;
using Marsad.Core.Access;
using Marsad.Core.Storage;

namespace Marsad.Core.Events.Search;

/// <summary>
/// The events' full-text index (migration 0030: FTS5 on SQLite, tsvector with GIN on PostgreSQL): for each event its
/// words as stored (searched by editors) and as a role below editor reads them, confidential source names redacted by
/// <see cref="ConfidentialNames"/> before the words are taken (searched by everyone else). A search below editor thus
/// looks only at text the role can read: a withheld name is not in that column in any spelling, so no prefix, accent
/// or letter-width variant of it finds anything. Triggers queue every changed event; <see cref="SyncAsync"/> indexes
/// the queue (and redoes the public words when the confidential names change) before a search reads the index.
/// </summary>
internal static class EventTextIndex
{
    private const int Batch = 500;

    /// <summary>
    /// Brings the index up to date: one cheap read when it is; otherwise one write transaction, taken only when no
    /// writer holds the lock, since a reader never waits for a writer. A search that skips it reads the index as it is:
    /// events changed since are matched at no version (the condition pairs id with version), and below editor nothing is
    /// matched at all while the public words were redacted with an older list of names; so it may miss, never leak.
    /// </summary>
    public static Task SyncAsync(SqlDialect dialect, CancellationToken cancellationToken) =>
        TextIndexState.SyncAsync(dialect, "event_text_pending", "event_text_state", IndexAsync, cancellationToken);

    /// <summary>
    /// The SQL condition (on <c>events</c>) for a text search by <paramref name="role"/>, or <c>1 = 0</c> for a search without
    /// a word. Below editor it also requires the public words to have been redacted with the names the role's page is
    /// masked with (<paramref name="secrets"/>, read in the same snapshot): never words redacted with an older list.
    /// </summary>
    public static string Condition(SqlDialect dialect, DbCommand command, string text, Role role, ConfidentialNames secrets)
    {
        var words = EventWords.OfQuery(text);
        if (words.Count == 0)
        {
            return "1 = 0";
        }

        var full = role.SeesConfidentialSources();
        command.AddParameter("@textWords", dialect.TextSearchQuery(words, full ? "full" : "public"));
        var condition = $"(id, version) IN ({dialect.TextSearchMatches("event_text", "t.event_id, t.version", full ? "full" : "public", "@textWords")})";
        if (full)
        {
            return condition;
        }

        command.AddParameter("@textNames", EventWords.Fingerprint(secrets));
        return condition + " AND EXISTS (SELECT 1 FROM event_text_state WHERE names = @textNames)";
    }

    private static async Task IndexAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken)
    {
        // Read under the write lock: no writer changes a source or an event until this transaction commits.
        var secrets = await Redactions.ForAsync(connection, tx, Role.Public, cancellationToken);
        var fingerprint = EventWords.Fingerprint(secrets);
        if (await TextIndexState.StoredFingerprintAsync(connection, tx, "event_text_state", cancellationToken) != fingerprint)
        {
            // Names were made confidential (or public again): every event's public words are redone.
            // ("WHERE 1 = 1": SQLite would read ON CONFLICT after a bare SELECT as a join's ON.)
            await using var all = connection.Sql(tx, "INSERT INTO event_text_pending (event_id) SELECT id FROM events WHERE 1 = 1 ON CONFLICT DO NOTHING");
            await all.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var read = connection.Sql(tx, $"SELECT p.event_id, e.version, e.payload FROM event_text_pending p LEFT JOIN events e ON e.id = p.event_id ORDER BY p.event_id LIMIT {Batch}");
        await using var upsert = connection.Sql(tx, """
            INSERT INTO event_text (event_id, version, full_text, public_text) VALUES (@id, @version, @full, @public)
            ON CONFLICT (event_id) DO UPDATE SET version = excluded.version, full_text = excluded.full_text, public_text = excluded.public_text
            """);
        await using var remove = connection.Sql(tx, "DELETE FROM event_text WHERE event_id = @id");
        await using var done = connection.Sql(tx, "DELETE FROM event_text_pending WHERE event_id = @id");
        while (true)
        {
            var rows = new List<(string Id, long? Version, string? Payload)>();
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(2))));
                }
            }

            foreach (var (id, version, payload) in rows)
            {
                if (version is { } v && payload is not null)
                {
                    upsert.AddParameter("@id", id).AddParameter("@version", v).AddParameter("@full", EventWords.OfPayload(payload));
                    upsert.AddParameter("@public", secrets.IsEmpty ? EventWords.OfPayload(payload) : EventWords.OfPayload(secrets.ScrubJson(payload)));
                    await upsert.ExecuteNonQueryAsync(cancellationToken);
                }
                else
                {
                    remove.AddParameter("@id", id);
                    await remove.ExecuteNonQueryAsync(cancellationToken);
                }

                done.AddParameter("@id", id);
                await done.ExecuteNonQueryAsync(cancellationToken);
            }

            if (rows.Count < Batch)
            {
                break;
            }
        }

        await using var state = connection.Sql(tx, "UPDATE event_text_state SET names = @names");
        state.AddParameter("@names", fingerprint);
        await state.ExecuteNonQueryAsync(cancellationToken);
    }
}
