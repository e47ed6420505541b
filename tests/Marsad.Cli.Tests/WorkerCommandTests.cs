using Marsad.Cli.Tests.Support;

namespace Marsad.Cli.Tests;

/// <summary><c>marsad worker --once</c> as a user runs it after <c>ingest --no-extract</c>, on a SQLite file.</summary>
public sealed class WorkerCommandTests
{
    [Fact]
    public async Task Worker_once_reads_the_unread_documents_and_exits_and_a_second_run_reads_none()
    {
        using var folder = new TempFolder();
        var db = folder.File("marsad.db");
        folder.Write("a.md", "---\ntitle: Note A\npublished: 2024-03-08\nsource: Test Network\n---\n\nOn Friday, aircraft struck a farm near Hajin, killing four civilians.\n");
        folder.Write("b.md", "---\ntitle: Note B\npublished: 2024-03-09\nsource: Test Network\n---\n\nOn Thursday, gunmen shot dead a shepherd in al-Mayadin.\n");

        var ingest = await MarsadProcess.RunAsync(folder.Path, "ingest", "--no-extract", folder.File("a.md"), folder.File("b.md"), "--db", db);
        Assert.True(ingest.ExitCode == 0, ingest.Stderr);
        var first = await MarsadProcess.RunAsync(folder.Path, "worker", "--once", "--lease", "30s", "--batch", "1", "--db", db);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("read 2 documents", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("documents read", first.Stderr, StringComparison.Ordinal);
        var second = await MarsadProcess.RunAsync(folder.Path, "worker", "--once", "--db", db);
        Assert.Contains("read 0 documents", second.Stdout, StringComparison.Ordinal);

        var bad = await MarsadProcess.RunAsync(folder.Path, "worker", "--once", "--lease", "soon", "--db", db);
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("not a duration", bad.Stderr, StringComparison.Ordinal);
    }
}
