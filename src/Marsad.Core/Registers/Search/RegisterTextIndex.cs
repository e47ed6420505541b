using System.Data.Common;
using System.Text.Json;
using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Events.Search;
using Marsad.Core.Registers.Persons;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Records;

namespace Marsad.Core.Registers.Search;

/// <summary>
/// The registers' full-text index (migration 0044: FTS5 on SQLite, tsvector with GIN on PostgreSQL), built as the events'
/// (<see cref="EventTextIndex"/>): the words of each person, claim and allegation in <see cref="EventWords"/>' form, as
/// stored (searched by editors), as viewers and coders read the record and as the public reads it. The two masked
/// columns are the record after the query layer's own masking (confidential names redacted, then <see cref="PersonMask"/>),
/// so a search matches only words the searching role is shown, in any case, accent or letter width, on both databases.
/// </summary>
internal static class RegisterTextIndex
{
    private const int Batch = 500;

    private static readonly string[] Tables = ["persons", "claims", "allegations"];

    /// <summary>Brings the index up to date, only when no writer holds the lock (see <see cref="EventTextIndex.SyncAsync"/>: a search may miss, never leak).</summary>
    public static Task SyncAsync(SqlDialect dialect, CancellationToken cancellationToken) =>
        TextIndexState.SyncAsync(dialect, "register_text_pending", "register_text_state", IndexAsync, cancellationToken);

    /// <summary>
    /// The SQL condition (on the register <paramref name="table"/>) for a text search by <paramref name="role"/>, or <c>1 = 0</c>
    /// for a search without a word. Below editor the masked words count only while they were redacted with <paramref name="secrets"/>.
    /// </summary>
    public static string Condition(SqlDialect dialect, DbCommand command, string table, string text, Role role, ConfidentialNames secrets)
    {
        var words = EventWords.OfQuery(text);
        if (words.Count == 0)
        {
            return "1 = 0";
        }

        var column = ColumnFor(role);
        command.AddParameter("@textWords", dialect.TextSearchQuery(words, column));
        command.AddParameter("@textKind", table);
        var condition = $"(id, version) IN ({dialect.TextSearchMatches("register_text", "t.record_id, t.version", column, "@textWords")} AND t.kind = @textKind)";
        if (column == "full")
        {
            return condition;
        }

        command.AddParameter("@textNames", EventWords.Fingerprint(secrets));
        return condition + " AND EXISTS (SELECT 1 FROM register_text_state WHERE names = @textNames)";
    }

    /// <summary>
    /// Which words a role searches. The thresholds are <see cref="RoleRules"/>' and <see cref="PersonMask"/>'s: editors read
    /// the whole record; viewers and coders one masked the same way; the public one masked further.
    /// </summary>
    private static string ColumnFor(Role role) =>
        role.SeesConfidentialSources() && role.SeesSensitivePersonFields() ? "full" : role == Role.Public ? "public" : "team";

    private static async Task IndexAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken)
    {
        // Read under the write lock: no writer changes a source or a record until this transaction commits.
        var secrets = await Redactions.ForAsync(connection, tx, Role.Public, cancellationToken);
        var fingerprint = EventWords.Fingerprint(secrets);
        if (await TextIndexState.StoredFingerprintAsync(connection, tx, "register_text_state", cancellationToken) != fingerprint)
        {
            // Names were made confidential (or public again): every record's masked words are redone.
            foreach (var table in Tables)
            {
                await using var all = connection.Sql(tx, $"INSERT INTO register_text_pending (kind, record_id) SELECT '{table}', id FROM {table} WHERE 1 = 1 ON CONFLICT DO NOTHING");
                await all.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using var upsert = connection.Sql(tx, """
            INSERT INTO register_text (kind, record_id, version, full_text, team_text, public_text) VALUES (@kind, @id, @version, @full, @team, @public)
            ON CONFLICT (kind, record_id) DO UPDATE SET version = excluded.version, full_text = excluded.full_text, team_text = excluded.team_text, public_text = excluded.public_text
            """);
        await using var remove = connection.Sql(tx, "DELETE FROM register_text WHERE kind = @kind AND record_id = @id");
        await using var done = connection.Sql(tx, "DELETE FROM register_text_pending WHERE kind = @kind AND record_id = @id");
        foreach (var table in Tables)
        {
            await using var read = connection.Sql(tx, $"SELECT p.record_id, r.version, r.payload FROM register_text_pending p LEFT JOIN {table} r ON r.id = p.record_id WHERE p.kind = '{table}' ORDER BY p.record_id LIMIT {Batch}");
            while (true)
            {
                var rows = new List<(string Id, long? Version, string? Payload)>();
                await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
                    }
                }

                foreach (var (id, version, payload) in rows)
                {
                    if (version is { } v && payload is not null)
                    {
                        var scrubbed = secrets.IsEmpty ? payload : secrets.ScrubJson(payload);
                        upsert.AddParameter("@kind", table).AddParameter("@id", id).AddParameter("@version", v).AddParameter("@full", EventWords.OfPayload(payload));
                        upsert.AddParameter("@team", MaskedWords(table, scrubbed, Role.Viewer)).AddParameter("@public", MaskedWords(table, scrubbed, Role.Public));
                        await upsert.ExecuteNonQueryAsync(cancellationToken);
                    }
                    else
                    {
                        remove.AddParameter("@kind", table).AddParameter("@id", id);
                        await remove.ExecuteNonQueryAsync(cancellationToken);
                    }

                    done.AddParameter("@kind", table).AddParameter("@id", id);
                    await done.ExecuteNonQueryAsync(cancellationToken);
                }

                if (rows.Count < Batch)
                {
                    break;
                }
            }
        }

        await using var state = connection.Sql(tx, "UPDATE register_text_state SET names = @names");
        state.AddParameter("@names", fingerprint);
        await state.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The words of a record (its confidential names already redacted) as <paramref name="role"/> reads it: a person through <see cref="PersonMask"/>.</summary>
    private static string MaskedWords(string table, string scrubbed, Role role)
    {
        if (table != "persons")
        {
            return EventWords.OfPayload(scrubbed);
        }

        var person = JsonSerializer.Deserialize<Person>(scrubbed, MarsadJson.Options)!;
        return EventWords.OfPayload(JsonSerializer.Serialize(PersonMask.For(person, role).Person, MarsadJson.Options));
    }
}
