using System.Text.Json;
using Marsad.Cli.Tests.Support;

namespace Marsad.Cli.Tests;

public sealed class DocumentsCommandTests
{
    [Fact]
    public async Task Listed_documents_can_be_shown_by_a_prefix_of_their_hash()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", "---\ntitle: Raid in Hajin\npublished: 2021-03-14\nsource: Test Observatory\n---\n\nA raid in Hajin led to four arrests.");
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "ingest", "a.md", "--db", "m.db")).ExitCode);

        var list = await MarsadProcess.RunAsync(folder.Path, "documents", "list", "--json", "--db", "m.db");
        Assert.Equal(0, list.ExitCode);
        using var listed = JsonDocument.Parse(list.Stdout);
        var first = listed.RootElement[0];
        Assert.Equal("Raid in Hajin", first.GetProperty("title").GetString());
        Assert.Equal("2021-03-14", first.GetProperty("published").GetString());
        Assert.Equal("Test Observatory", first.GetProperty("source").GetString());

        var prefix = first.GetProperty("text_sha256").GetString()![..10];
        var show = await MarsadProcess.RunAsync(folder.Path, "documents", "show", prefix, "--db", "m.db");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("A raid in Hajin led to four arrests.", show.Stdout, StringComparison.Ordinal);

        var unknown = await MarsadProcess.RunAsync(folder.Path, "documents", "show", "ffffffffff", "--db", "m.db");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no document matches 'ffffffffff'", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undated_document_is_named_on_ingest_shows_undated_events_and_set_date_dates_them()
    {
        using var folder = new TempFolder();
        folder.Write("a.md", "---\ntitle: A week in the east\nsource: Test Observatory\n---\n\nOn Thursday, unknown gunmen shot dead a civilian in Hajin.");

        var ingest = await MarsadProcess.RunAsync(folder.Path, "ingest", "a.md", "--db", "m.db");
        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("a.md: no publication date in the document; 1 event dates left unresolved", ingest.Stderr, StringComparison.Ordinal);
        var undated = await MarsadProcess.RunAsync(folder.Path, "events", "--db", "m.db");
        Assert.Contains("undated: Thursday", undated.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("0001-01-01", undated.Stdout, StringComparison.Ordinal);
        using var listed = JsonDocument.Parse((await MarsadProcess.RunAsync(folder.Path, "documents", "list", "--json", "--db", "m.db")).Stdout);
        var id = listed.RootElement[0].GetProperty("id").GetString()!;

        var missingReason = await MarsadProcess.RunAsync(folder.Path, "documents", "set-date", id, "2023-02-17", "--db", "m.db");
        Assert.Equal(2, missingReason.ExitCode);
        var set = await MarsadProcess.RunAsync(folder.Path, "documents", "set-date", id, "2023-02-17", "--reason", "the outlet's date line", "--db", "m.db");
        Assert.Equal(0, set.ExitCode);
        Assert.Contains("1 unreviewed candidates refreshed", set.Stdout, StringComparison.Ordinal);
        // 2023-02-17 was a Friday: "on Thursday" is the day before.
        Assert.Contains("2023-02-16", (await MarsadProcess.RunAsync(folder.Path, "events", "--db", "m.db")).Stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", "m.db")).ExitCode);
    }

    [Fact]
    public async Task Db_migrate_creates_the_database_then_has_nothing_to_do()
    {
        using var folder = new TempFolder();
        var first = await MarsadProcess.RunAsync(folder.Path, "db", "migrate", "--db", "fresh.db");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("schema version 0 → ", first.Stdout, StringComparison.Ordinal);
        var second = await MarsadProcess.RunAsync(folder.Path, "db", "migrate", "--db", "fresh.db");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("is up to date (schema version ", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_can_come_from_MARSAD_DB()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "Shelling on Kansafra.");
        var info = MarsadProcess.StartInfo(["ingest", "a.txt"], folder.Path);
        info.Environment["MARSAD_DB"] = folder.File("from-env.db");
        using var process = System.Diagnostics.Process.Start(info)!;
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(1, Db.Scalar(folder.File("from-env.db"), "SELECT COUNT(*) FROM documents"));
    }
}
