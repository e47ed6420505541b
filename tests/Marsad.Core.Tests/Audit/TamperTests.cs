using Marsad.Core.Access;
using Marsad.Core.Audit;
using Marsad.Core.Intake;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Audit;
using Marsad.Domain.Documents;
using Marsad.Domain.Records;
using Marsad.Extraction;
using Microsoft.Data.Sqlite;

namespace Marsad.Core.Tests.Audit;

/// <summary>
/// A file-level tamperer edits the database directly, one kind of edit at a time (the list in SECURITY.md);
/// <c>audit verify</c> (with the anchors the editor published) must name each. The record is built once through
/// Marsad's own use cases, anchored, and copied for every edit.
/// </summary>
public sealed class TamperTests : IClassFixture<TamperTests.AnchoredRecord>
{
    private readonly AnchoredRecord _record;

    public TamperTests(AnchoredRecord record) => _record = record;

    /// <summary>Each edit, and what verify's failure must say (table.column, or the entity and "deleted"/"added", or the anchor's finding).</summary>
    public static TheoryData<string, string, string> Edits => new()
    {
        { "events.status", "UPDATE events SET status = 'published' WHERE rowid = 1", "events.status" },
        { "events.fatalities", "UPDATE events SET fatalities = 40 WHERE fatalities IS NOT NULL", "events.fatalities" },
        { "events.merged_into", "UPDATE events SET merged_into = (SELECT id FROM events ORDER BY rowid DESC LIMIT 1) WHERE rowid = 1", "events.merged_into" },
        { "events.payload", "UPDATE events SET payload = replace(payload, '\"extracted\"', '\"published\"') WHERE rowid = 1", "events.payload" },
        { "documents.title", "UPDATE documents SET title = 'Another title' WHERE rowid = 1", "documents.title" },
        { "documents.published", "UPDATE documents SET published = '2020-01-01' WHERE rowid = 1", "documents.published" },
        { "documents.url", "UPDATE documents SET url = 'https://elsewhere.example/' WHERE rowid = 1", "documents.url" },
        { "documents.original", "UPDATE documents SET original = X'00' WHERE rowid = 1", "documents.original" },
        { "documents.clean_text", "UPDATE documents SET clean_text = clean_text || ' and more' WHERE rowid = 1", "documents.clean_text" },
        { "documents.source_id", "UPDATE documents SET source_id = (SELECT id FROM sources WHERE name = 'Hidden Network') WHERE rowid = 1", "documents.source_id" },
        { "extractions.clean_text", "UPDATE extractions SET clean_text = 'nothing happened' WHERE rowid = 1", "extractions.clean_text" },
        { "extractions.result", "UPDATE extractions SET result = '{}' WHERE rowid = 1", "extractions.result" },
        { "link added", "INSERT INTO record_documents SELECT 'event', (SELECT id FROM events ORDER BY rowid LIMIT 1), (SELECT id FROM documents ORDER BY rowid DESC LIMIT 1)", "record_documents" },
        { "link removed", "DELETE FROM record_documents WHERE rowid = (SELECT MIN(rowid) FROM record_documents)", "record_documents" },
        { "sources.confidential", "UPDATE sources SET confidential = 0 WHERE name = 'Hidden Network'", "sources.confidential" },
        { "users.role", "UPDATE users SET role = 'admin' WHERE name = 'coder1'", "users.role" },
        { "users.password_hash", "UPDATE users SET password_hash = 'AQAAAAIAAYagAAAAEknown' WHERE name = 'coder1'", "users.password_hash" },
        { "api_tokens.revoked_at", "UPDATE api_tokens SET revoked_at = NULL", "api_tokens.revoked_at" },
        { "persons.name", "UPDATE persons SET name = 'Someone Else'", "persons.name" },
        { "event deleted", "DELETE FROM events WHERE rowid = 1", "event deleted" },
        { "person deleted", "DELETE FROM persons", "person deleted" },
        { "document deleted", "DELETE FROM documents WHERE rowid = 2", "document deleted" },
        { "event added", "INSERT INTO events SELECT '00000000-0000-4000-8000-000000000001', version, status, event_type, sub_event_type, date_start, date_end, actor1, actor2, admin1, admin2, latitude, longitude, grade, payload, updated_at, fatalities, admin3, merged_into FROM events WHERE rowid = 1", "added outside Marsad" },
        { "revision edited", "UPDATE revisions SET author = 'nobody' WHERE seq = 3", "altered" },
        { "last insert removed with its row", "DELETE FROM persons; DELETE FROM revisions WHERE seq = (SELECT MAX(seq) FROM revisions)", "revisions were removed" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task Verify_names_each_direct_edit(string kind, string sql, string named)
    {
        using var folder = new TempFolder();
        var store = await _record.CopyAsync(folder);
        Assert.True((await VerifyAsync(store)).Count == 0, "the untouched copy verifies");

        Execute(folder, sql);
        var failures = await VerifyAsync(store);

        Assert.True(failures.Any(f => Names(f, named)), $"{kind}: verify did not name it; it said: {string.Join(" | ", failures.Select(f => $"{f.EntityType} {f.Problem}"))}");
    }

    [Fact]
    public async Task A_chain_rewritten_with_fresh_hashes_passes_alone_and_fails_against_the_anchor()
    {
        using var folder = new TempFolder();
        var store = await _record.CopyAsync(folder);
        using (var connection = Open(folder))
        {
            // The tamperer publishes an unreviewed event and reseals everything from there on, as Marsad would have.
            using var edit = connection.CreateCommand();
            edit.CommandText = "UPDATE events SET status = 'published', payload = replace(payload, '\"extracted\"', '\"published\"') WHERE rowid = 1 RETURNING id, payload";
            using var reader = edit.ExecuteReader();
            reader.Read();
            var (id, payload) = (reader.GetString(0), reader.GetString(1));
            reader.Close();
            Reseal(connection, id, RevisionHasher.Sha256Hex(payload));
        }

        Assert.True((await store.Audit.VerifyAsync()).Ok, "a consistent rewrite is invisible without an anchor");
        var failures = await VerifyAsync(store);
        Assert.Contains(failures, f => f.Problem.Contains("rewritten", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forged_anchor_is_refused()
    {
        using var folder = new TempFolder();
        var store = await _record.CopyAsync(folder);
        var file = Directory.GetFiles(_record.Anchors).Single();
        var forged = Path.Combine(folder.Path, "forged");
        Directory.CreateDirectory(forged);
        File.WriteAllText(Path.Combine(forged, "anchor.json"), File.ReadAllText(file).Replace("\"count\": ", "\"count\": 1", StringComparison.Ordinal));

        var failures = await new AuditAnchors(store, TimeProvider.System).CheckAsync(forged, _record.PublicKey);

        Assert.Contains(failures, f => f.Problem.Contains("signature", StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<AuditFailure>> VerifyAsync(IMarsadStore store) =>
        [.. await new AuditAnchors(store, TimeProvider.System).CheckAsync(_record.Anchors, _record.PublicKey), .. (await store.Audit.VerifyAsync()).Failures];

    internal static bool Names(AuditFailure failure, string named) => named.EndsWith(" deleted", StringComparison.Ordinal)
        ? failure.EntityType == named[..named.IndexOf(' ', StringComparison.Ordinal)] && failure.Problem.Contains("deleted outside Marsad", StringComparison.Ordinal)
        : failure.Problem.Contains(named, StringComparison.Ordinal);

    private static SqliteConnection Open(TempFolder folder)
    {
        var connection = new SqliteConnection($"Data Source={folder.File("marsad.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    private static void Execute(TempFolder folder, string sql)
    {
        using var connection = Open(folder);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys = OFF; " + sql;
        Assert.True(command.ExecuteNonQuery() > 0, "the edit changed a row");
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
    /// Two reports ingested and read (documents, a source, events linked to them, extractions), a confidential source, an
    /// account with a revoked token, and lastly a person; then an anchor signed by the editor's key.
    /// </summary>
    public sealed class AnchoredRecord : IAsyncLifetime
    {
        private readonly TempFolder _folder = new();

        public string Anchors => _folder.File("anchors");

        public string PublicKey { get; private set; } = "";

        public string Template => _folder.File("template.db");

        public async ValueTask InitializeAsync()
        {
            var store = await TestStore.OpenAsync(_folder);
            await store.Sources.SaveAsync("Hidden Network", SourceKind.FieldNetwork, confidential: true, null, null);
            var reports = new[]
            {
                _folder.Write("in/a.md", "---\ntitle: Strike on a farm\npublished: 2023-02-17\nsource: Test Observatory\nurl: https://observatory.example/a\n---\n\nOn February 16, International Coalition aircraft struck a farm near al-Mayadin, east of Deir ez-Zor city, killing three ISIS members.\n"),
                _folder.Write("in/b.md", "---\ntitle: Gunmen in Ariha\npublished: 2023-02-18\nsource: Test Observatory\n---\n\nOn February 17, unidentified gunmen shot dead two civilians in Ariha city in the southern countryside of Idlib.\n"),
            };
            await new IngestDocuments(store, TimeProvider.System, new ExtractionEngine()).RunAsync(new IngestRequest(reports), new ChangeContext("coder"));
            await store.Accounts.SaveAsync("coder1", Role.Coder, "a long enough password");
            await store.Accounts.CreateTokenAsync("coder1");
            await store.Accounts.RevokeTokensAsync("coder1");
            await store.Records.AddAsync(new Person { Id = Guid.NewGuid(), Name = "Fictional Person al-Testi", Status = PersonStatus.Detained }, new ChangeContext("coder"));

            var key = AnchorKey.Generate();
            PublicKey = key.PublicKeyText;
            await new AuditAnchors(store, TimeProvider.System).WriteAsync(Anchors, key);
            await DatabaseBackup.BackupAsync(store, Template);
        }

        public async Task<IMarsadStore> CopyAsync(TempFolder folder)
        {
            File.Copy(Template, folder.File("marsad.db"));
            return await MarsadStore.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, folder.File("marsad.db")), TimeProvider.System);
        }

        public ValueTask DisposeAsync()
        {
            _folder.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>
/// The same direct edits on PostgreSQL: the record is copied there with <c>marsad db copy</c>'s use case (so its chain and
/// anchor are the SQLite record's), then edited past Marsad with the engine's triggers and foreign keys switched off, as a
/// tamperer holding the server's superuser would. <c>audit verify</c> must name each edit on this engine too.
/// </summary>
public sealed class TamperTestsOnPostgres : IClassFixture<TamperTests.AnchoredRecord>
{
    private readonly TamperTests.AnchoredRecord _record;

    public TamperTestsOnPostgres(TamperTests.AnchoredRecord record) => _record = record;

    [Theory]
    [MemberData(nameof(TamperTests.Edits), MemberType = typeof(TamperTests))]
    public async Task Verify_names_each_direct_edit(string kind, string sql, string named)
    {
        var target = new DatabaseTarget(DatabaseProvider.PostgreSql, TestDatabases.CreatePostgres());
        var copy = await DatabaseCopy.CopyAsync(new DatabaseTarget(DatabaseProvider.Sqlite, _record.Template), target, TimeProvider.System);
        Assert.True(copy.Verification.Ok, "the copy verifies");
        var store = await MarsadStore.OpenAsync(target, TimeProvider.System);
        Assert.True((await VerifyAsync(store)).Count == 0, "the untouched copy verifies against the anchor");

        Assert.True(TestDatabases.Execute(target, "SET session_replication_role = replica; " + ForPostgres(sql)) > 0, "the edit changed a row");
        var failures = await VerifyAsync(store);

        Assert.True(failures.Any(f => TamperTests.Names(f, named)), $"{kind}: verify did not name it; it said: {string.Join(" | ", failures.Select(f => $"{f.EntityType} {f.Problem}"))}");
    }

    /// <summary>The edit in PostgreSQL's SQL (rowid becomes row_order in <see cref="TestDatabases.Execute"/>).</summary>
    private static string ForPostgres(string sql) => sql
        .Replace("X'00'", "'\\x00'::bytea", StringComparison.Ordinal)
        .Replace("INSERT INTO events SELECT", "INSERT INTO events (id, version, status, event_type, sub_event_type, date_start, date_end, actor1, actor2, admin1, admin2, latitude, longitude, grade, payload, updated_at, fatalities, admin3, merged_into) SELECT", StringComparison.Ordinal);

    private async Task<IReadOnlyList<AuditFailure>> VerifyAsync(IMarsadStore store) =>
        [.. await new AuditAnchors(store, TimeProvider.System).CheckAsync(_record.Anchors, _record.PublicKey), .. (await store.Audit.VerifyAsync()).Failures];
}
