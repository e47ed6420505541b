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
