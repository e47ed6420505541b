using System.Diagnostics;
using System.Globalization;
using Marsad.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Marsad.Bench.Security;

/// <summary>
/// Random kill points for <c>integrity</c>: <c>kill -9</c> of a cold <c>marsad</c> at a random moment (uniform over the
/// time an uninterrupted run of the same command took) of ingest, review, corroborate, import, backup and db copy (SQLite
/// to SQLite), taken in turn. After each kill the record must verify (no half-written record; for backup, no half-written
/// backup under the backup's name; for db copy, a target holding whole batches in the copy's order and a beginning of the
/// source's chain, <see cref="Tests.Support.InterruptedCopy"/>), and a re-run must finish the work once: the end state of
/// the run that was never interrupted (for db copy: every row once, and the target verifies).
/// </summary>
internal static class KillPoints
{
    private sealed record Step(string Name, string[] Command, string? Base, string Digest, TimeSpan Whole, string WholeDigest);

    public static async Task<(long Kills, long Inconsistencies)> RunAsync(string marsad, string folder, int kills)
    {
        var work = Directory.CreateDirectory(Path.Combine(folder, "kills")).FullName;
        WriteReports(Path.Combine(work, "reports"));
        var steps = await PrepareAsync(marsad, work);
        var random = new Random(15);
        var inconsistent = new List<string>();
        var perStep = steps.ToDictionary(s => s.Name, _ => (Kills: 0, Running: 0, Bad: 0), StringComparer.Ordinal);
        for (var k = 0; k < kills; k++)
        {
            var step = steps[k % steps.Count];
            var database = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"kill-{k}.db"));
            if (step.Base is not null)
            {
                File.Copy(step.Base, database);
            }

            var delay = step.Whole * (0.02 + (0.96 * random.NextDouble()));
            var output = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"kill-{k}.backup"));
            var command = Command(step, database, output);
            var wasRunning = await KillAfterAsync(marsad, work, command, delay);
            var problem = await CheckAsync(step, database, output, "after the kill")
                ?? await RerunAsync(marsad, work, step, database, output)
                ?? await CheckAsync(step, database, output, "after the re-run")
                ?? (Digest(step, database, output) is var digest && digest != step.WholeDigest ? $"the re-run's end state differs from an uninterrupted run's" : null);
            var counts = perStep[step.Name];
            perStep[step.Name] = (counts.Kills + 1, counts.Running + (wasRunning ? 1 : 0), counts.Bad + (problem is null ? 0 : 1));
            if (problem is not null)
            {
                inconsistent.Add(string.Create(CultureInfo.InvariantCulture, $"{step.Name} killed at {delay.TotalSeconds:0.00} s: {problem}"));
            }

            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(work, string.Create(CultureInfo.InvariantCulture, $"kill-{k}.*")))
            {
                File.Delete(file);
            }
        }

        Console.WriteLine($"kill points: {kills} kill -9 at random moments, in turn over {steps.Count} commands");
        Console.WriteLine($"  {"command",-12} {"whole run s",11} {"kills",6} {"while running",13} {"inconsistent",12}");
        foreach (var step in steps)
        {
            var (n, running, bad) = perStep[step.Name];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {step.Name,-12} {step.Whole.TotalSeconds,11:0.00} {n,6} {running,13} {bad,12}"));
        }

        foreach (var line in inconsistent.Take(10))
        {
            Console.WriteLine($"  {line}");
        }

        return (kills, inconsistent.Count);
    }

    // db copy names its target itself ({db}); every other command works on --db.
    private static string[] Command(Step step, string database, string output) => step.Command.Contains("{db}")
        ? [.. step.Command.Select(a => a == "{db}" ? database : a)]
        : [.. step.Command.Select(a => a == "{out}" ? output : a), "--db", database];

    // The uninterrupted run of each command, timed, and its end state; the bases the kills start from.
    private static async Task<List<Step>> PrepareAsync(string marsad, string work)
    {
        const string Ingested = "SELECT COUNT(*) || '|' || COALESCE(group_concat(s, ','), '') FROM (SELECT d.text_sha256 || ':' || (SELECT COUNT(*) FROM record_documents rd WHERE rd.document_id = d.id) || ':' || (SELECT COUNT(*) FROM extractions x WHERE x.document_id = d.id) AS s FROM documents d ORDER BY d.text_sha256)";
        const string Reviewed = "SELECT COALESCE(group_concat(id || ':' || status || ':' || version, ','), '') FROM (SELECT id, status, version FROM events UNION ALL SELECT id, status, version FROM claims UNION ALL SELECT id, status, version FROM persons ORDER BY id)";
        const string Corroborated = "SELECT COALESCE(group_concat(id || '>' || COALESCE(merged_into, '-') || ':' || COALESCE(grade, '-'), ','), '') FROM (SELECT id, merged_into, grade FROM events ORDER BY id)";
        // Imported rows get new record ids; the end state is the rows' content, once each.
        const string Imported = "SELECT COUNT(*) || '|' || COALESCE(group_concat(s, ','), '') FROM (SELECT date_start || ':' || sub_event_type || ':' || COALESCE(admin1, '') || ':' || COALESCE(fatalities, '') || ':' || status AS s FROM events ORDER BY s)";
        const string Copied = "SELECT COUNT(*) || ':' || COALESCE((SELECT hash FROM revisions ORDER BY seq DESC LIMIT 1), '') FROM revisions";

        var steps = new List<Step>();
        async Task<Step> WholeAsync(string name, string[] command, string? baseDb, string digest)
        {
            var database = Path.Combine(work, $"whole-{name}.db");
            if (baseDb is not null)
            {
                File.Copy(baseDb, database);
            }

            var output = Path.Combine(work, $"whole-{name}.backup");
            var probe = new Step(name, command, baseDb, digest, TimeSpan.Zero, "");
            var clock = Stopwatch.StartNew();
            var (exit, _, stderr) = await RunAsync(marsad, work, Command(probe, database, output));
            var whole = clock.Elapsed;
            if (exit != 0)
            {
                throw new InvalidOperationException($"{name}: the uninterrupted run failed ({exit}): {stderr}");
            }

            return probe with { Whole = whole, WholeDigest = Digest(probe, database, output) };
        }

        var ingest = await WholeAsync("ingest", ["ingest", "reports", "--published", "2022-03-05"], null, Ingested);
        var ingested = Path.Combine(work, "whole-ingest.db");
        steps.Add(ingest);
        steps.Add(await WholeAsync("review", ["review", "--accept-all", "--reason", "batch"], ingested, Reviewed));
        steps.Add(await WholeAsync("corroborate", ["corroborate"], ingested, Corroborated));
        var (exit, csv, stderr) = await RunAsync(marsad, work, ["events", "--format", "acled", "--role", "editor", "--db", Path.Combine(work, "whole-corroborate.db")]);
        if (exit != 0)
        {
            throw new InvalidOperationException($"export: {stderr}");
        }

        await File.WriteAllTextAsync(Path.Combine(work, "events.csv"), csv);
        steps.Add(await WholeAsync("import", ["import", "acled", "events.csv"], null, Imported));
        steps.Add(await WholeAsync("backup", ["backup", "{out}"], Path.Combine(work, "whole-corroborate.db"), Copied));
        // Every copied table's rows and the chain's head: a row copied twice or left out changes it.
        var tables = string.Join(" || ':' || ", DatabaseCopy.TableOrder.Select(t => $"(SELECT COUNT(*) FROM {t})"));
        steps.Add(await WholeAsync("db copy", ["db", "copy", "--from", Path.Combine(work, "whole-corroborate.db"), "--to", "{db}"], null,
            $"SELECT {tables} || ':' || COALESCE((SELECT hash FROM revisions ORDER BY seq DESC LIMIT 1), '')"));
        return steps;
    }

    // Null when the record (and for backup, a backup file under its name) verifies; else what is wrong.
    private static async Task<string?> CheckAsync(Step step, string database, string output, string when)
    {
        if (!File.Exists(database))
        {
            return step.Base is null ? null : $"{when}: the database is gone";
        }

        // An interrupted copy is not yet a whole record (it does not verify until the re-run completes it); what it may hold is checked instead.
        if (step.Name == "db copy" && when == "after the kill")
        {
            using var source = new SqliteConnection($"Data Source={step.Command[3]};Pooling=False;Mode=ReadOnly");
            using var target = new SqliteConnection($"Data Source={database};Pooling=False"); // read-write: SQLite may roll back the killed batch
            source.Open();
            target.Open();
            return Tests.Support.InterruptedCopy.Problem(source, target) is { } partial ? $"{when}: {partial}" : null;
        }

        if (await VerifyAsync(database) is { } problem)
        {
            return $"{when}: the record does not verify: {problem}";
        }

        return step.Name == "backup" && File.Exists(output) && await VerifyAsync(output) is { } copy ? $"{when}: the backup file does not verify: {copy}" : null;
    }

    private static async Task<string?> VerifyAsync(string database)
    {
        try
        {
            var store = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, database), TimeProvider.System);
            var verification = await store.Audit.VerifyAsync();
            return verification.Ok ? null : verification.FirstFailure?.Problem ?? "failed";
        }
        catch (Exception ex) when (ex is SqliteException or StoreUnavailableException or InvalidOperationException)
        {
            return $"cannot be opened: {ex.Message}";
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<string?> RerunAsync(string marsad, string work, Step step, string database, string output)
    {
        // A backup that completed before the kill is there and verified; backup never overwrites, so it is not made again.
        if (step.Name == "backup" && File.Exists(output))
        {
            return null;
        }

        var (exit, _, stderr) = await RunAsync(marsad, work, Command(step, database, output));
        return exit == 0 ? null : $"the re-run failed ({exit}): {stderr.Split('\n')[0]}";
    }

    private static string Digest(Step step, string database, string output)
    {
        using var connection = new SqliteConnection($"Data Source={(step.Name == "backup" ? output : database)};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = step.Digest;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    private static ProcessStartInfo StartInfo(string marsad, string work, string[] args)
    {
        var start = new ProcessStartInfo(marsad) { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["MARSAD_USER"] = "bench";
        return start;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string marsad, string work, string[] args)
    {
        using var process = Process.Start(StartInfo(marsad, work, args))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    // Starts the command and sends SIGKILL after the delay; true when it was still running then.
    private static async Task<bool> KillAfterAsync(string marsad, string work, string[] args, TimeSpan delay)
    {
        using var process = Process.Start(StartInfo(marsad, work, args))!;
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        var running = await Task.WhenAny(exited, Task.Delay(delay)) != exited;
        if (running)
        {
            process.Kill(entireProcessTree: true); // SIGKILL: no chance to clean up
        }

        await process.WaitForExitAsync();
        return running;
    }

    // Three outlets report each incident; the incidents differ in place and day, so corroboration has groups to merge.
    private static void WriteReports(string folder)
    {
        Directory.CreateDirectory(folder);
        string[] towns = ["Ariha", "Saraqib", "Sarmin", "Binnish", "Taftanaz", "Kafr Nabl", "Maarat al-Numan", "Khan Shaykhun", "Jisr al-Shughur", "Harem"];
        string[] sources = ["North Monitor", "Valley Network", "Field Observatory"];
        for (var i = 0; i < 24; i++)
        {
            var day = new DateOnly(2022, 1, 1).AddDays(i);
            var town = towns[i % towns.Length];
            for (var s = 0; s < sources.Length; s++)
            {
                File.WriteAllText(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{i:000}-{s}.md")), string.Create(CultureInfo.InvariantCulture, $"""
                    ---
                    title: Shelling on {town} ({sources[s]} {i})
                    published: {day.AddDays(1):yyyy-MM-dd}
                    source: {sources[s]}
                    ---

                    Regime forces shelled {town} in the Idlib countryside on {day:d MMMM yyyy}, killing {1 + (i % 3)} civilians{(s == 0 ? "" : s == 1 ? ", residents said" : ", according to local sources")}.
                    """));
            }
        }
    }
}
