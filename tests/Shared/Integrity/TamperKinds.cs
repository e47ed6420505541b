using Marsad.Core.Access;
using Marsad.Core.Audit;
using Marsad.Core.Intake;
using Marsad.Core.Storage;
using Marsad.Domain.Audit;
using Marsad.Domain.Documents;
using Marsad.Domain.Records;
using Marsad.Extraction;
using Microsoft.Data.Sqlite;

namespace Marsad.Tests.Support;

/// <summary>
/// The tamperer's direct database edits (the list in SECURITY.md), each with what <c>audit verify</c> must name, and the
/// anchored record they are made on. <c>TamperTests</c> and the bench's <c>integrity</c> run the same edits.
/// </summary>
public static class TamperKinds
{
    /// <summary>Each edit (kind, SQL) and what verify's failure must say: table.column, the entity and "deleted", or the anchor's finding.</summary>
    public static IReadOnlyList<(string Kind, string Sql, string Named)> Edits { get; } =
    [
        ("events.status", "UPDATE events SET status = 'published' WHERE rowid = 1", "events.status"),
        ("events.fatalities", "UPDATE events SET fatalities = 40 WHERE fatalities IS NOT NULL", "events.fatalities"),
        ("events.merged_into", "UPDATE events SET merged_into = (SELECT id FROM events ORDER BY rowid DESC LIMIT 1) WHERE rowid = 1", "events.merged_into"),
        ("events.payload", "UPDATE events SET payload = replace(payload, '\"extracted\"', '\"published\"') WHERE rowid = 1", "events.payload"),
        ("documents.title", "UPDATE documents SET title = 'Another title' WHERE rowid = 1", "documents.title"),
        ("documents.published", "UPDATE documents SET published = '2020-01-01' WHERE rowid = 1", "documents.published"),
        ("documents.url", "UPDATE documents SET url = 'https://elsewhere.example/' WHERE rowid = 1", "documents.url"),
        ("documents.original", "UPDATE documents SET original = X'00' WHERE rowid = 1", "documents.original"),
        ("documents.clean_text", "UPDATE documents SET clean_text = clean_text || ' and more' WHERE rowid = 1", "documents.clean_text"),
        ("documents.source_id", "UPDATE documents SET source_id = (SELECT id FROM sources WHERE name = 'Hidden Network') WHERE rowid = 1", "documents.source_id"),
        ("extractions.clean_text", "UPDATE extractions SET clean_text = 'nothing happened' WHERE rowid = 1", "extractions.clean_text"),
        ("extractions.result", "UPDATE extractions SET result = '{}' WHERE rowid = 1", "extractions.result"),
        ("link added", "INSERT INTO record_documents SELECT 'event', (SELECT id FROM events ORDER BY rowid LIMIT 1), (SELECT id FROM documents ORDER BY rowid DESC LIMIT 1)", "record_documents"),
        ("link removed", "DELETE FROM record_documents WHERE rowid = (SELECT MIN(rowid) FROM record_documents)", "record_documents"),
        ("sources.confidential", "UPDATE sources SET confidential = 0 WHERE name = 'Hidden Network'", "sources.confidential"),
        ("users.role", "UPDATE users SET role = 'admin' WHERE name = 'coder1'", "users.role"),
        ("users.password_hash", "UPDATE users SET password_hash = 'AQAAAAIAAYagAAAAEknown' WHERE name = 'coder1'", "users.password_hash"),
        ("api_tokens.revoked_at", "UPDATE api_tokens SET revoked_at = NULL", "api_tokens.revoked_at"),
        ("persons.name", "UPDATE persons SET name = 'Someone Else'", "persons.name"),
        ("event deleted", "DELETE FROM events WHERE rowid = 1", "event deleted"),
        ("person deleted", "DELETE FROM persons", "person deleted"),
        ("document deleted", "DELETE FROM documents WHERE rowid = 2", "document deleted"),
        ("event added", "INSERT INTO events SELECT '00000000-0000-4000-8000-000000000001', version, status, event_type, sub_event_type, date_start, date_end, actor1, actor2, admin1, admin2, latitude, longitude, grade, payload, updated_at, fatalities, admin3, merged_into FROM events WHERE rowid = 1", "added outside Marsad"),
        ("revision edited", "UPDATE revisions SET author = 'nobody' WHERE seq = 3", "altered"),
        ("last insert removed with its row", "DELETE FROM persons; DELETE FROM revisions WHERE seq = (SELECT MAX(seq) FROM revisions)", "revisions were removed"),
    ];

    /// <summary>Whether a failure names the edit.</summary>
    public static bool Names(AuditFailure failure, string named)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(named);
        return named.EndsWith(" deleted", StringComparison.Ordinal)
            ? failure.EntityType == named[..named.IndexOf(' ', StringComparison.Ordinal)] && failure.Problem.Contains("deleted outside Marsad", StringComparison.Ordinal)
            : failure.Problem.Contains(named, StringComparison.Ordinal);
    }

    /// <summary>Makes an edit on the database file directly, as a tamperer with sqlite3 would; the number of rows it changed.</summary>
    public static int Execute(string database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys = OFF; " + sql;
        return command.ExecuteNonQuery();
    }

    public static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>
    /// The tamperer publishes an unreviewed event and reseals the whole chain from there on with fresh hashes, as Marsad
    /// would have: a chain that verifies on its own, caught only by an anchor.
    /// </summary>
    public static void RewriteChain(string database)
    {
        using var connection = Open(database);
        string id, payload;
        using (var edit = connection.CreateCommand())
        {
            edit.CommandText = "UPDATE events SET status = 'published', payload = replace(payload, '\"extracted\"', '\"published\"') WHERE rowid = 1 RETURNING id, payload";
            using var reader = edit.ExecuteReader();
            reader.Read();
            (id, payload) = (reader.GetString(0), reader.GetString(1));
        }

        Reseal(connection, id, RevisionHasher.Sha256Hex(payload));
    }

    /// <summary>Recomputes every revision's hash, giving the entity's last revision a new state: a chain that verifies on its own.</summary>
    private static void Reseal(SqliteConnection connection, string entityId, string state)
    {
        var rows = new List<(long Seq, string Type, string Id, string Action, string Author, string At, string? Reason, string Changes, string State)>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT seq, entity_type, entity_id, action, author, at, reason, changes, state_sha256 FROM revisions ORDER BY seq";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7), reader.GetString(8)));
            }
        }

        var last = rows.FindLastIndex(r => r.Id == entityId);
        var previous = Revision.GenesisHash;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var rowState = i == last ? state : row.State;
            var hash = RevisionHasher.Hash(row.Seq, row.Type, Guid.Parse(row.Id), RevisionHasher.ParseAction(row.Action), row.Author,
                DateTimeOffset.Parse(row.At, System.Globalization.CultureInfo.InvariantCulture), row.Reason, row.Changes, rowState, previous);
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE revisions SET state_sha256 = @state, prev_hash = @prev, hash = @hash WHERE seq = @seq";
            update.Parameters.AddWithValue("@state", rowState);
            update.Parameters.AddWithValue("@prev", previous);
            update.Parameters.AddWithValue("@hash", hash);
            update.Parameters.AddWithValue("@seq", row.Seq);
            update.ExecuteNonQuery();
            previous = hash;
        }
    }

    /// <summary>
    /// Builds the record the edits are made on in <paramref name="folder"/>: two reports ingested and read (documents, a
    /// source, events linked to them, extractions), a confidential source, an account with a revoked token, and lastly a
    /// person; then an anchor signed by the editor's key. Returns the database file (a template to copy), the anchors
    /// folder and the editor's public key.
    /// </summary>
    public static async Task<(string Template, string Anchors, string PublicKey)> BuildRecordAsync(string folder)
    {
        var database = Path.Combine(folder, "building.db");
        var store = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, database), TimeProvider.System);
        await store.Sources.SaveAsync("Hidden Network", SourceKind.FieldNetwork, confidential: true, null, null);
        Directory.CreateDirectory(Path.Combine(folder, "in"));
        var reports = new[]
        {
            Write(Path.Combine(folder, "in", "a.md"), "---\ntitle: Strike on a farm\npublished: 2023-02-17\nsource: Test Observatory\nurl: https://observatory.example/a\n---\n\nOn February 16, International Coalition aircraft struck a farm near al-Mayadin, east of Deir ez-Zor city, killing three ISIS members.\n"),
            Write(Path.Combine(folder, "in", "b.md"), "---\ntitle: Gunmen in Ariha\npublished: 2023-02-18\nsource: Test Observatory\n---\n\nOn February 17, unidentified gunmen shot dead two civilians in Ariha city in the southern countryside of Idlib.\n"),
        };
        await new IngestDocuments(store, TimeProvider.System, new ExtractionEngine()).RunAsync(new IngestRequest(reports), new ChangeContext("coder"));
        await store.Accounts.SaveAsync("coder1", Role.Coder, "a long enough password");
        await store.Accounts.CreateTokenAsync("coder1");
        await store.Accounts.RevokeTokensAsync("coder1");
        await store.Records.AddAsync(new Person { Id = Guid.NewGuid(), Name = "Fictional Person al-Testi", Status = PersonStatus.Detained }, new ChangeContext("coder"));

        var key = AnchorKey.Generate();
        var anchors = Path.Combine(folder, "anchors");
        await new AuditAnchors(store, TimeProvider.System).WriteAsync(anchors, key);
        var template = Path.Combine(folder, "template.db");
        await DatabaseBackup.BackupAsync(store, template);
        return (template, anchors, key.PublicKeyText);
    }

    /// <summary>Everything verify finds on a database, anchors included.</summary>
    public static async Task<IReadOnlyList<AuditFailure>> VerifyAsync(string database, string anchors, string publicKey)
    {
        var store = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, database), TimeProvider.System);
        return [.. await new AuditAnchors(store, TimeProvider.System).CheckAsync(anchors, publicKey), .. (await store.Audit.VerifyAsync()).Failures];
    }

    private static string Write(string path, string text)
    {
        File.WriteAllText(path, text);
        return path;
    }
}
