using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Marsad.Cli.Tests.Support;
using Marsad.Core.Storage;

namespace Marsad.Cli.Tests;

/// <summary>
/// The README's commands, as a user runs them, on a SQLite file and on a PostgreSQL server database (given as a
/// <c>postgres://</c> URL, as a team would set MARSAD_DB): ingest, review, report, audit verify, serve and demo.
/// </summary>
public sealed partial class ReadmeCommandsOnBothDatabasesTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Ingest_review_report_verify_and_serve_work_on_the_database(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        var db = Db(provider, folder);
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");

        var ingest = await MarsadProcess.RunAsync(folder.Path, "ingest", samples, "--db", db);
        Assert.True(ingest.ExitCode == 0, ingest.Stderr);
        var review = await MarsadProcess.RunAsync(folder.Path, "review", "--accept-all", "--reason", "trusted batch", "--db", db);
        Assert.True(review.ExitCode == 0, review.Stderr);
        Assert.Matches(@"Applied [1-9]\d* decisions, 0 failed\.", review.Stdout);
        var report = await MarsadProcess.RunAsync(folder.Path, "report", "--month", "2023-02", "--format", "md", "--role", "editor", "--db", db);
        Assert.True(report.ExitCode == 0, report.Stderr);
        Assert.Contains("2023", report.Stdout, StringComparison.Ordinal);
        var verify = await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", db);
        Assert.True(verify.ExitCode == 0, verify.Stderr + verify.Stdout);

        // serve: the public API answers from the same record.
        var port = FreePort();
        using var server = new Process { StartInfo = MarsadProcess.StartInfo(["serve", "--urls", $"http://127.0.0.1:{port}", "--db", db], folder.Path) };
        var log = new System.Text.StringBuilder();
        // Both pipes are drained as the server writes: a full pipe would stop it.
        server.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        server.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        server.Start();
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            string? body = null;
            for (var i = 0; i < 240 && body is null && !server.HasExited; i++)
            {
                try
                {
                    var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/events"));
                    body = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
                    if (body is null)
                    {
                        await Task.Delay(500);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Assert.False(server.HasExited, "marsad serve ended: " + log);
                    await Task.Delay(500);
                }
            }

            Assert.True(body is not null, "no answer from marsad serve: " + log);
            Assert.Matches(@"^\s*[\[{]", body);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Serve_read_only_refuses_a_database_it_would_have_to_migrate()
    {
        using var folder = new TempFolder();
        var old = folder.File("old.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={old};Pooling=False"))
        {
            // A record from an older build: the migrations table holds only the first script.
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL); INSERT INTO schema_migrations VALUES (1, 'initial', '2023-01-01T00:00:00Z');";
            command.ExecuteNonQuery();
        }

        var run = await MarsadProcess.RunAsync(folder.Path, "serve", "--read-only", "--urls", "http://127.0.0.1:0", "--db", old);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("read-only server does not migrate", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("0002_", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_databases_give_the_same_counts_for_the_same_commands()
    {
        using var folder = new TempFolder();
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        var outputs = new List<string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            var db = Db(provider, folder);
            Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", samples, "--db", db)).ExitCode);
            var review = await MarsadProcess.RunAsync(folder.Path, "review", "--accept-all", "--reason", "trusted batch", "--db", db);
            var verify = await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", db);
            // Ids are drawn anew on each database; every count and word must agree.
            outputs.Add(Ids().Replace(review.Stdout + verify.Stdout, "ID"));
        }

        Assert.Equal(outputs[0], outputs[1]);
    }

    [Fact]
    public async Task Demo_on_a_server_fills_the_empty_database_it_is_given_and_refuses_one_that_holds_a_record()
    {
        using var folder = new TempFolder();
        var db = Db(DatabaseProvider.PostgreSql, folder);

        var first = await MarsadProcess.RunAsync(folder.Path, "demo", "--no-serve", "--dir", "demo", "--db", db);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("Audit chain: verified", first.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", first.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("demo/marsad.db")));
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", db)).ExitCode);

        var second = await MarsadProcess.RunAsync(folder.Path, "demo", "--no-serve", "--dir", "demo2", "--db", db);
        Assert.Equal(3, second.ExitCode);
        Assert.Contains("already holds a record", second.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_copy_takes_a_laptop_record_to_the_server_and_back_and_a_rerun_after_interruption_copies_every_row_once()
    {
        using var folder = new TempFolder();
        var file = Db(DatabaseProvider.Sqlite, folder);
        var server = Db(DatabaseProvider.PostgreSql, folder);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", Path.Combine(AppContext.BaseDirectory, "samples"), "--db", file)).ExitCode);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "review", "--accept-all", "--reason", "trusted batch", "--db", file)).ExitCode);

        var copy = await MarsadProcess.RunAsync(folder.Path, "db", "copy", "--from", file, "--to", server);
        Assert.True(copy.ExitCode == 0, copy.Stderr + copy.Stdout);
        Assert.DoesNotContain("s3cret", copy.Stdout + copy.Stderr, StringComparison.Ordinal);
        var verify = await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", server);
        Assert.True(verify.ExitCode == 0, verify.Stderr + verify.Stdout);
        Assert.Equal(Head(await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", file)), Head(verify));

        // An interrupted copy: the target lacks the chain's tail, some events and their links. Run again, it completes.
        var target = new DatabaseTarget(DatabaseProvider.PostgreSql, new Npgsql.NpgsqlConnectionStringBuilder { Host = new Uri(server).Host, Port = new Uri(server).Port, Username = "postgres", Database = new Uri(server).AbsolutePath.Trim('/') }.ConnectionString);
        Assert.True(TestDatabases.Execute(target, "DELETE FROM revisions WHERE seq > (SELECT MAX(seq) / 2 FROM revisions)") > 0);
        Assert.True(TestDatabases.Execute(target, "DELETE FROM record_documents") > 0);
        Assert.True(TestDatabases.Execute(target, "DELETE FROM events WHERE row_order > (SELECT MAX(row_order) / 2 FROM events)") > 0);
        var rerun = await MarsadProcess.RunAsync(folder.Path, "db", "copy", "--from", file, "--to", server);
        Assert.True(rerun.ExitCode == 0, rerun.Stderr + rerun.Stdout);
        foreach (var table in new[] { "events", "revisions", "record_documents", "documents", "event_facts" })
        {
            Assert.Equal(Support.Db.Scalar(file, $"SELECT COUNT(*) FROM {table}"), TestDatabases.Scalar(target, $"SELECT COUNT(*) FROM {table}"));
        }

        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", server)).ExitCode);

        // And back to a new file; a database holding another record is refused.
        var back = await MarsadProcess.RunAsync(folder.Path, "db", "copy", "--from", server, "--to", folder.File("back.db"));
        Assert.True(back.ExitCode == 0, back.Stderr + back.Stdout);
        Assert.Equal(Head(verify), Head(await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", folder.File("back.db"))));
        var other = Db(DatabaseProvider.PostgreSql, folder);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", Path.Combine(AppContext.BaseDirectory, "samples"), "--no-extract", "--db", other)).ExitCode);
        var refused = await MarsadProcess.RunAsync(folder.Path, "db", "copy", "--from", file, "--to", other);
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("copy into an empty database", refused.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_partition_partitions_a_servers_record_by_month_and_it_still_verifies_and_lists()
    {
        using var folder = new TempFolder();
        var file = Db(DatabaseProvider.Sqlite, folder);
        var server = Db(DatabaseProvider.PostgreSql, folder);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", Path.Combine(AppContext.BaseDirectory, "samples"), "--db", server)).ExitCode);
        var before = Head(await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", server));
        var listed = (await MarsadProcess.RunAsync(folder.Path, "events", "--format", "jsonl", "--db", server)).Stdout;

        var partition = await MarsadProcess.RunAsync(folder.Path, "db", "partition", "--db", server);
        Assert.True(partition.ExitCode == 0, partition.Stderr + partition.Stdout);
        Assert.Contains("Partitioned by month", partition.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", partition.Stdout + partition.Stderr, StringComparison.Ordinal);
        Assert.Contains("Already partitioned", (await MarsadProcess.RunAsync(folder.Path, "db", "partition", "--db", server)).Stdout, StringComparison.Ordinal);
        Assert.Equal(before, Head(await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", server)));
        Assert.Equal(listed, (await MarsadProcess.RunAsync(folder.Path, "events", "--format", "jsonl", "--db", server)).Stdout);
        // Writes go on into the partitioned tables.
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "review", "--accept-all", "--reason", "after partitioning", "--db", server)).ExitCode);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", server)).ExitCode);

        var refused = await MarsadProcess.RunAsync(folder.Path, "db", "partition", "--db", file);
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("needs PostgreSQL", refused.Stderr, StringComparison.Ordinal);
    }

    private static string Head((int ExitCode, string Stdout, string Stderr) verify) =>
        Regex.Match(verify.Stdout, "verified: (\\d+ revisions; head [0-9a-f]{64})").Groups[1].Value is { Length: > 0 } head ? head : throw new InvalidOperationException(verify.Stdout + verify.Stderr);

    /// <summary>The --db value: a file path, or the test server's new database as a postgres:// URL (password included, never printed).</summary>
    private static string Db(DatabaseProvider provider, TempFolder folder)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return folder.File("m.db");
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(TestDatabases.CreatePostgres());
        return $"postgres://{Uri.EscapeDataString(builder.Username ?? "postgres")}:s3cret@{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("[0-9a-f]{8}(-[0-9a-f]{1,4}){0,4}[0-9a-f]*")]
    private static partial Regex Ids();
}
