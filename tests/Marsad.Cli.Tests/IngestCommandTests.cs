using System.Text;
using Marsad.Cli.Tests.Support;

namespace Marsad.Cli.Tests;

public sealed class IngestCommandTests
{
    [Fact]
    public async Task Ingesting_the_same_folder_twice_stores_each_document_once()
    {
        using var folder = new TempFolder();
        folder.Write("reports/a.txt", "Shelling hit Ariha on Monday; two civilians were injured.");
        folder.Write("reports/b.md", "# Raid\n\nA raid in Hajin led to the arrest of four men.");
        var first = await MarsadProcess.RunAsync(folder.Path, "ingest", "reports", "--published", "2022-01-19", "--db", "m.db");
        var second = await MarsadProcess.RunAsync(folder.Path, "ingest", "reports", "--db", "m.db");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Stored 2, already present 0, failed 0", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Stored 0, already present 2, failed 0", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, Db.Scalar(folder.File("m.db"), "SELECT COUNT(*) FROM documents"));
    }

    [Fact]
    public async Task Each_bad_input_gets_one_line_naming_it_the_rest_is_stored_and_the_exit_code_is_1()
    {
        using var folder = new TempFolder();
        folder.Write("in/good.txt", "Clashes near Tal Tamr killed three fighters.");
        File.WriteAllBytes(folder.File("in/binary.txt"), [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x00, 0x01]);
        File.WriteAllBytes(folder.File("in/latin1.txt"), Encoding.Latin1.GetBytes("Raqqa caf\u00e9 attack"));
        folder.Write("in/empty.txt", "");
        folder.Write("in/broken.xml", "<rss version=\"2.0\"><channel><item><title>cut off");
        using (var huge = File.Create(folder.File("in/huge.txt")))
        {
            huge.SetLength(50L * 1024 * 1024);
        }

        var run = await MarsadProcess.RunAsync(folder.Path, "ingest", "in", "missing.txt", "--db", "m.db");

        Assert.Equal(1, run.ExitCode);
        var errors = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("marsad: error:", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, errors.Count);
        Assert.Contains(errors, l => l.Contains("binary.txt: binary file", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.Contains("latin1.txt: not valid UTF-8", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.Contains("empty.txt: empty file", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.Contains("broken.xml: malformed feed", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.Contains("huge.txt: too large", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.Contains("missing.txt: no such file or directory", StringComparison.Ordinal));
        Assert.Contains("Stored 1, already present 0, failed 6", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, Db.Scalar(folder.File("m.db"), "SELECT COUNT(*) FROM documents"));
    }

    [Fact]
    public async Task A_directory_without_read_permission_is_named_and_the_rest_is_stored()
    {
        using var folder = new TempFolder();
        folder.Write("in/good.txt", "Unknown gunmen abducted a man near Tafas.");
        folder.Write("in/locked/secret.txt", "A report nobody may read.");
        File.SetUnixFileMode(folder.File("in/locked"), UnixFileMode.None);
        // Root reads any directory, so when the tests run as root the command runs without the capabilities that allow it.
        var asUser = Environment.UserName == "root" ? MarsadProcess.WithoutFileCapabilities : null;

        var run = await MarsadProcess.RunAsAsync(asUser, folder.Path, "ingest", "in", "--db", "m.db");

        Assert.True(run.ExitCode == 1, run.Stderr);
        var error = Assert.Single(run.Stderr.Split('\n'), l => l.StartsWith("marsad: error:", StringComparison.Ordinal));
        Assert.Contains("locked: permission denied", error, StringComparison.Ordinal);
        Assert.Contains("Stored 1, already present 0, failed 1", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("ingest", "x.txt", "--published", "2021-13-01")]
    [InlineData("no-such-command")]
    [InlineData("documents", "list", "--limit", "0")]
    public async Task Usage_errors_exit_with_2(params string[] args)
    {
        using var folder = new TempFolder();
        var run = await MarsadProcess.RunAsync(folder.Path, args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("marsad: error:", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("marsad.db")));
    }

    [Fact]
    public async Task A_database_path_that_cannot_be_used_exits_with_3()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "Report.");
        var run = await MarsadProcess.RunAsync(folder.Path, "ingest", "a.txt", "--db", "no/such/folder/m.db");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("does not exist", run.Stderr, StringComparison.Ordinal);
    }
}
