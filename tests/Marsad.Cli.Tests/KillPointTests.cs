using System.Diagnostics;
using System.Globalization;
using Marsad.Cli.Tests.Support;

namespace Marsad.Cli.Tests;

/// <summary>
/// Issue 15: kill -9 at chosen points of <c>corroborate</c> and <c>review --accept-all</c> (ingest has its own test,
/// <see cref="InterruptedIngestTests"/>). A point is a share of the revisions an uninterrupted run writes: the test
/// waits until the record holds that many, then kills the process without warning. After each kill the record must
/// verify (<c>audit verify</c>: chain intact, every row sealed and every sealed row present, so no half-written
/// record), and a re-run must finish the work once: the same end state as the run that was never interrupted.
/// </summary>
public sealed class KillPointTests
{
    private static readonly double[] Points = [0.05, 0.2, 0.4, 0.6, 0.8];

    // Three outlets report each incident; the incidents differ in place and day, so corroboration has many groups to merge.
    private static string[] Towns { get; } = ["Ariha", "Saraqib", "Sarmin", "Binnish", "Taftanaz", "Kafr Nabl", "Maarat al-Numan", "Khan Shaykhun", "Jisr al-Shughur", "Harem"];

    /// <summary>180 reports (60 incidents, three outlets each) ingested into base.db in <paramref name="folder"/>.</summary>
    internal static async Task<string> IngestedDatabaseAsync(TempFolder folder)
    {
        string[] sources = ["North Monitor", "Valley Network", "Field Observatory"];
        for (var i = 0; i < 60; i++)
        {
            var day = new DateOnly(2022, 1, 1).AddDays(i);
            var town = Towns[i % Towns.Length];
            for (var s = 0; s < sources.Length; s++)
            {
                folder.Write(string.Create(CultureInfo.InvariantCulture, $"reports/{i:000}-{s}.md"), string.Create(CultureInfo.InvariantCulture, $"""
                    ---
                    title: Shelling on {town} ({sources[s]} {i})
                    published: {day.AddDays(1):yyyy-MM-dd}
                    source: {sources[s]}
                    ---

                    Regime forces shelled {town} in the Idlib countryside on {day:d MMMM yyyy}, killing {1 + (i % 3)} civilians{(s == 0 ? "" : s == 1 ? ", residents said" : ", according to local sources")}.
                    """));
            }
        }

        var ingest = await MarsadProcess.RunAsync(folder.Path, "ingest", "reports", "--db", "base.db");
        Assert.True(ingest.ExitCode == 0, ingest.Stderr);
        return folder.File("base.db");
    }

    private static string Copy(TempFolder folder, string database, string name)
    {
        var copy = folder.File(name);
        File.Copy(database, copy);
        return copy;
    }

    private static long Revisions(string database)
    {
        try
        {
            return Db.Scalar(database, "SELECT COUNT(*) FROM revisions");
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return -1; // locked for a moment: read again
        }
    }

    // Starts the command, kills it once the record holds `threshold` revisions; true when it was killed while running.
    private static Task<bool> KillAtAsync(TempFolder folder, string database, long threshold, string[] command) =>
        KillWhenAsync(MarsadProcess.StartInfo([.. command, "--db", database], folder.Path), () => Revisions(database) >= threshold);

    /// <summary>
    /// Starts a marsad process and kills it (SIGKILL: no chance to clean up) once <paramref name="reached"/> holds; true when
    /// it was killed while running. Past a deadline (a slow, loaded machine) the kill lands wherever the run is: any
    /// moment is a valid kill point.
    /// </summary>
    internal static async Task<bool> KillWhenAsync(System.Diagnostics.ProcessStartInfo start, Func<bool> reached)
    {
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && !reached() && deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(5);
        }

        var running = !process.HasExited;
        if (running)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        return running;
    }

    private static async Task AssertVerifiesAsync(TempFolder folder, string database, string when)
    {
        var verify = await MarsadProcess.RunAsync(folder.Path, "audit", "verify", "--db", database);
        Assert.True(verify.ExitCode == 0, $"{when}: audit verify failed: {verify.Stdout}\n{verify.Stderr}");
    }

    private static async Task<int> KillPointsAsync(string[] command, string endStateSql)
    {
        using var folder = new TempFolder();
        var database = await IngestedDatabaseAsync(folder);
        var before = Revisions(database);

        var whole = Copy(folder, database, "whole.db");
        var run = await MarsadProcess.RunAsync(folder.Path, [.. command, "--db", whole]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var written = Revisions(whole) - before;
        Assert.True(written > 10, $"the uninterrupted run wrote only {written} revisions");
        var endState = Db.Text(whole, endStateSql);

        var killed = 0;
        for (var k = 0; k < Points.Length; k++)
        {
            var copy = Copy(folder, database, string.Create(CultureInfo.InvariantCulture, $"kill-{k}.db"));
            var threshold = before + Math.Max(1, (long)(written * Points[k]));
            killed += await KillAtAsync(folder, copy, threshold, command) ? 1 : 0;
            var point = string.Create(CultureInfo.InvariantCulture, $"{string.Join(' ', command)} killed at {Points[k]:P0} ({Revisions(copy) - before} of {written} revisions)");
            await AssertVerifiesAsync(folder, copy, point);

            var rerun = await MarsadProcess.RunAsync(folder.Path, [.. command, "--db", copy]);
            Assert.True(rerun.ExitCode == 0, $"{point}: re-run failed: {rerun.Stderr}");
            await AssertVerifiesAsync(folder, copy, point + ", then re-run");
            Assert.Equal(endState, Db.Text(copy, endStateSql));
        }

        return killed;
    }

    [Fact]
    public async Task Corroborate_killed_at_chosen_points_leaves_a_record_that_verifies_and_a_rerun_merges_the_rest_once()
    {
        // The end state: which events are merged into which, and every grade.
        var killed = await KillPointsAsync(["corroborate"],
            "SELECT COALESCE(group_concat(id || '>' || COALESCE(merged_into, '-') || ':' || COALESCE(grade, '-'), ','), '') FROM (SELECT id, merged_into, grade FROM events ORDER BY id)");

        // Most points fall while corroborate runs; how many depends on the machine's speed, so it is reported, not
        // asserted: each point's checks hold whether the kill lands early, late or after the run finished.
        TestContext.Current.TestOutputHelper?.WriteLine($"{killed} of {Points.Length} kills landed while corroborate ran");
    }

    [Fact]
    public async Task Review_accept_all_killed_at_chosen_points_leaves_a_record_that_verifies_and_a_rerun_accepts_the_rest_once()
    {
        // The end state: every record's status and version (a decision applied twice would bump a version twice).
        var killed = await KillPointsAsync(["review", "--accept-all", "--reason", "batch"],
            "SELECT COALESCE(group_concat(id || ':' || status || ':' || version, ','), '') FROM (SELECT id, status, version FROM events UNION ALL SELECT id, status, version FROM claims UNION ALL SELECT id, status, version FROM persons ORDER BY id)");

        TestContext.Current.TestOutputHelper?.WriteLine($"{killed} of {Points.Length} kills landed while review ran");
    }
}
