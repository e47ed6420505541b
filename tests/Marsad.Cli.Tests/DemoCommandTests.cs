using Marsad.Cli.Tests.Support;

namespace Marsad.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task The_demo_ingests_every_sample_and_shows_them()
    {
        using var folder = new TempFolder();
        var samples = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*", SearchOption.AllDirectories).ToList();
        Assert.InRange(samples.Count, 8, 12);

        var run = await MarsadProcess.RunAsync(folder.Path, "demo", "--no-serve", "--dir", "demo");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Audit chain: verified", run.Stdout, StringComparison.Ordinal);
        var stored = Db.Scalar(folder.File("demo/marsad.db"), "SELECT COUNT(*) FROM documents");
        Assert.True(stored >= samples.Count, $"stored {stored} of {samples.Count} sample files");
        Assert.Contains($"Stored {stored} documents", run.Stdout, StringComparison.Ordinal);
        var reports = Directory.GetFiles(folder.File("demo"), "report-*.*").Select(Path.GetFileName).ToList();
        foreach (var extension in new[] { ".md", ".html", ".pdf" })
        {
            var report = Assert.Single(reports, r => r!.EndsWith(extension, StringComparison.Ordinal));
            Assert.Contains(Path.Combine(folder.File("demo"), report!), run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_and_version_work()
    {
        using var folder = new TempFolder();
        var help = await MarsadProcess.RunAsync(folder.Path, "--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var command in new[] { "ingest", "documents", "db", "audit", "demo", "Exit codes" })
        {
            Assert.Contains(command, help.Stdout, StringComparison.Ordinal);
        }

        var version = await MarsadProcess.RunAsync(folder.Path, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith("0.1.0", version.Stdout, StringComparison.Ordinal);
    }
}
