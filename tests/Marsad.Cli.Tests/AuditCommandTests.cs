using Marsad.Cli.Tests.Support;

namespace Marsad.Cli.Tests;

public sealed class AuditCommandTests
{
    [Fact]
    public async Task Editing_a_revision_row_makes_verify_fail_and_name_that_revision()
    {
        using var folder = new TempFolder();
        for (var i = 1; i <= 3; i++)
        {
            folder.Write($"in/r{i}.txt", $"Report number {i} on shelling in Ariha.");
        }

        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "in", "--no-extract", "--db", "m.db")).ExitCode);
        var clean = await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", "m.db");
        Assert.Equal(0, clean.ExitCode);
        Assert.Contains("Audit chain verified: 3 revisions", clean.Stdout, StringComparison.Ordinal);

        Assert.Equal(1, Db.Scalar(folder.File("m.db"), "UPDATE revisions SET author = 'intruder' WHERE seq = 2; SELECT changes();"));
        var broken = await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", "m.db");

        Assert.Equal(3, broken.ExitCode);
        Assert.Contains("audit chain broken at revision 2", broken.Stderr, StringComparison.Ordinal);
    }
}

public sealed class AnchorAndBackupCommandTests
{
    [Fact]
    public async Task An_anchor_catches_a_chain_cut_back_and_a_backup_restores_a_record_that_verifies()
    {
        using var folder = new TempFolder();
        folder.Write("in/a.txt", "On Monday, unidentified gunmen shot dead two civilians in Ariha city in the southern countryside of Idlib.");
        folder.Write("in/b.txt", "On Tuesday, regime forces shelled the village of Kansafra in Jabal al-Zawiya, injuring three people.");
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "in", "--published", "2021-03-02", "--db", "m.db")).ExitCode);
        var keygen = await MarsadProcess.RunAsync(folder.Path, "audit", "keygen", "editor.key");
        Assert.Equal(0, keygen.ExitCode);
        var publicKey = keygen.Stdout.Trim().Split(' ')[^1];
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "audit", "anchor", "--key", "editor.key", "--out", "anchors", "--db", "m.db")).ExitCode);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "backup", "copy.db", "--db", "m.db")).ExitCode);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--anchors", "anchors", "--anchor-key", publicKey, "--db", "m.db")).ExitCode);

        // The last revision removed together with the row it sealed: the chain alone still holds, the anchor does not.
        Db.Scalar(folder.File("m.db"), "PRAGMA foreign_keys = OFF; DELETE FROM extractions WHERE rowid = (SELECT MAX(rowid) FROM extractions); DELETE FROM revisions WHERE seq = (SELECT MAX(seq) FROM revisions); SELECT changes();");
        var cut = await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--anchors", "anchors", "--db", "m.db");
        Assert.Equal(3, cut.ExitCode);
        Assert.Contains("revisions were removed", cut.Stderr, StringComparison.Ordinal);

        var restore = await MarsadProcess.RunAsync(folder.Path, "restore", "copy.db", "--db", "m.db");
        Assert.True(restore.ExitCode == 0, restore.Stderr);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--anchors", "anchors", "--anchor-key", publicKey, "--db", "m.db")).ExitCode);
    }

    [Fact]
    public async Task A_backup_that_does_not_verify_is_not_restored()
    {
        using var folder = new TempFolder();
        folder.Write("in/a.txt", "On Monday, unidentified gunmen shot dead two civilians in Ariha city in the southern countryside of Idlib.");
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "in", "--published", "2021-03-02", "--db", "m.db")).ExitCode);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "backup", "copy.db", "--db", "m.db")).ExitCode);
        Db.Scalar(folder.File("copy.db"), "UPDATE events SET status = 'published'; SELECT changes();");

        var restore = await MarsadProcess.RunAsync(folder.Path, "restore", "copy.db", "--db", "m.db");

        Assert.Equal(3, restore.ExitCode);
        Assert.Contains("events.status", restore.Stderr, StringComparison.Ordinal);
        Assert.Equal(0L, Db.Scalar(folder.File("m.db"), "SELECT COUNT(*) FROM events WHERE status = 'published'"));
    }

    [Fact]
    public async Task A_reader_answers_while_a_writer_holds_the_write_lock()
    {
        using var folder = new TempFolder();
        folder.Write("in/a.txt", "On Monday, unidentified gunmen shot dead two civilians in Ariha city in the southern countryside of Idlib.");
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "in", "--published", "2021-03-02", "--db", "m.db")).ExitCode);

        // What a long corroboration does: BEGIN IMMEDIATE and a write, not committed until the reader has answered.
        using var writer = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={folder.File("m.db")};Pooling=False");
        writer.Open();
        using var tx = writer.BeginTransaction();
        using (var write = writer.CreateCommand())
        {
            write.Transaction = tx;
            write.CommandText = "UPDATE events SET updated_at = updated_at";
            write.ExecuteNonQuery();
        }

        var reader = MarsadProcess.RunAsync(folder.Path, "events", "--db", "m.db");
        // Generous guard against a hang (the write lock waits 60 s before giving up); the bench times the answer.
        var finished = await Task.WhenAny(reader, Task.Delay(TimeSpan.FromSeconds(30)));
        tx.Rollback();
        Assert.Same(reader, finished);
        Assert.True((await reader).ExitCode == 0, (await reader).Stderr);
    }

    [Fact]
    public async Task On_PostgreSQL_a_reader_answers_while_a_writer_holds_the_advisory_write_lock()
    {
        using var folder = new TempFolder();
        var db = TestDatabases.CreatePostgres(); // skips without MARSAD_TEST_POSTGRES
        folder.Write("in/a.txt", "On Monday, unidentified gunmen shot dead two civilians in Ariha city in the southern countryside of Idlib.");
        var ingest = await MarsadProcess.RunAsync(folder.Path, "ingest", "in", "--published", "2021-03-02", "--db", db);
        Assert.True(ingest.ExitCode == 0, ingest.Stderr);

        // What a long corroboration does on PostgreSQL: the advisory lock every writer takes, and a write, not committed
        // until the readers have answered.
        await using var writer = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(db) { Pooling = false }.ConnectionString);
        await writer.OpenAsync();
        await using var tx = await writer.BeginTransactionAsync();
        await using (var write = new Npgsql.NpgsqlCommand("SELECT pg_advisory_xact_lock(@key); UPDATE events SET updated_at = updated_at;", writer, tx))
        {
            write.Parameters.AddWithValue("key", Marsad.Core.Storage.Postgres.PostgresDialect.WriteLockKey);
            await write.ExecuteNonQueryAsync();
        }

        // The control: another writer does wait for the lock (PostgreSQL's advisory lock has no timeout here).
        var blocked = MarsadProcess.RunAsync(folder.Path, "review", "--accept-all", "--reason", "batch", "--db", db);
        var events = MarsadProcess.RunAsync(folder.Path, "events", "--role", "editor", "--db", db);
        var verify = MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", db);
        // Generous guard against a hang; the bench times the answer.
        var readers = Task.WhenAll(events, verify);
        var finished = await Task.WhenAny(readers, Task.Delay(TimeSpan.FromMinutes(4)));
        var writerWaited = !blocked.IsCompleted;
        await tx.RollbackAsync();
        Assert.Same(readers, finished);
        Assert.True((await events).ExitCode == 0, (await events).Stderr);
        Assert.Contains("Ariha", (await events).Stdout, StringComparison.Ordinal);
        Assert.True((await verify).ExitCode == 0, (await verify).Stderr);
        Assert.True(writerWaited, "review finished while another writer held the write lock: the lock taken here is not the one writers take");
        var review = await blocked;
        Assert.True(review.ExitCode == 0, review.Stderr);
    }
}
