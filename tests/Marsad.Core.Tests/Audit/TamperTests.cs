using Marsad.Core.Audit;
using Marsad.Core.Storage;

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

    /// <summary>Each edit, and what verify's failure must say (the list shared with the bench: <see cref="TamperKinds"/>).</summary>
    public static TheoryData<string, string, string> Edits
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var (kind, sql, named) in TamperKinds.Edits)
            {
                data.Add(kind, sql, named);
            }

            return data;
        }
    }

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
        TamperKinds.RewriteChain(folder.File("marsad.db"));

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

    internal static bool Names(AuditFailure failure, string named) => TamperKinds.Names(failure, named);

    private static void Execute(TempFolder folder, string sql) =>
        Assert.True(TamperKinds.Execute(folder.File("marsad.db"), sql) > 0, "the edit changed a row");

    /// <summary>
    /// Two reports ingested and read (documents, a source, events linked to them, extractions), a confidential source, an
    /// account with a revoked token, and lastly a person; then an anchor signed by the editor's key.
    /// </summary>
    public sealed class AnchoredRecord : IAsyncLifetime
    {
        private readonly TempFolder _folder = new();

        public string Anchors { get; private set; } = "";

        public string PublicKey { get; private set; } = "";

        public string Template { get; private set; } = "";

        public async ValueTask InitializeAsync()
        {
            (Template, Anchors, PublicKey) = await TamperKinds.BuildRecordAsync(_folder.Path);
        }

        public async Task<IMarsadStore> CopyAsync(TempFolder folder)
        {
            File.Copy(Template, folder.File("marsad.db"));
            return await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, folder.File("marsad.db")), TimeProvider.System);
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
        var copy = await DatabaseCopy.CopyAsync(MarsadStorage.Opener(TimeProvider.System), new DatabaseTarget(DatabaseProvider.Sqlite, _record.Template), target);
        Assert.True(copy.Verification.Ok, "the copy verifies");
        var store = await MarsadStorage.OpenAsync(target, TimeProvider.System);
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
