using System.Diagnostics;
using System.Globalization;
using Marsad.Cli.Tests.Support;

namespace Marsad.Cli.Tests;

public sealed class InterruptedIngestTests
{
    private const int Documents = 5000;

    [Fact]
    public async Task Killing_ingest_part_way_and_running_it_again_stores_every_document_exactly_once()
    {
        using var folder = new TempFolder();
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Documents; i++)
        {
            var text = GeneratedReport(i);
            var path = folder.Write(string.Create(CultureInfo.InvariantCulture, $"batch/{i / 500:00}/report-{i:00000}.txt"), text);
            expected[path] = text;
        }

        var database = folder.File("m.db");
        using (var process = Process.Start(MarsadProcess.StartInfo(["ingest", "batch", "--db", database, "--published", "2023-05-01"], folder.Path))!)
        {
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var deadline = Stopwatch.StartNew();
            while (StoredSoFar(database) < 200 && !process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(20);
            }

            // On a fast machine ingest may finish first, on a loaded one the deadline may pass before 200 documents are in:
            // the checks below hold wherever the kill lands, so neither is a failure.
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true); // SIGKILL: no chance to clean up
            }

            await process.WaitForExitAsync();
        }

        var beforeRerun = StoredSoFar(database);
        Assert.InRange(beforeRerun, 0, Documents);

        var rerun = await MarsadProcess.RunAsync(folder.Path, "ingest", "batch", "--db", database, "--published", "2023-05-01");

        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Stored {Documents - beforeRerun}, already present {beforeRerun}, failed 0"), rerun.Stdout, StringComparison.Ordinal);
        var stored = Db.Documents(database);
        Assert.Equal(Documents, stored.Count);
        Assert.Equal(Documents, stored.Select(d => d.Origin).Distinct().Count());
        Assert.All(stored, d => Assert.Equal(expected[d.Origin].TrimEnd(), d.Text));
        Assert.Equal(Documents, Db.Scalar(database, "SELECT COUNT(*) FROM revisions WHERE entity_type = 'document'"));
        var verify = await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", database);
        Assert.True(verify.ExitCode == 0, verify.Stderr);
    }

    private static long StoredSoFar(string database)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        try
        {
            return Db.Scalar(database, "SELECT COUNT(*) FROM documents");
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // not migrated yet
        }
    }

    private static string GeneratedReport(int i) => string.Create(CultureInfo.InvariantCulture,
        $"Report {i}: the field network recorded {i % 17} incidents in sector {i % 31} on day {i % 28 + 1}.\n\nDetails of batch {i / 500} follow, number {i}.\n");
}
