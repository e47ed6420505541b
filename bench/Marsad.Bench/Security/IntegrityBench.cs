using System.Diagnostics;
using System.Globalization;
using Marsad.Core.Records;
using Marsad.Core.Storage;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Marsad.Bench.Security;

/// <summary>
/// <c>integrity [--inputs 100000] [--kills 200] [--writers 8 --edits 25] [--marsad PATH] [--input-seconds 10 --input-mb 500]</c>:
/// issue 15's proof in one run, ending with its table.
/// <list type="bullet">
/// <item>Fuzzing: N CsCheck inputs into each reader of outside input (<see cref="FuzzEntryPoints"/>, the generators the tests
/// run 1,000 of), each read or refused the way its caller reports, within the per-input time and allocation bounds.</item>
/// <item>Kill points: <c>kill -9</c> of a cold <c>marsad</c> at a random moment of <c>ingest</c>, <c>review --accept-all</c>,
/// <c>corroborate</c>, <c>import acled</c>, <c>backup</c> and <c>db copy</c>, in turn; after each kill the record must verify
/// (<c>audit verify</c>'s checks: no half-written record; an interrupted copy's target holds whole batches and a beginning of
/// the source's chain), and a re-run must reach the end state of a run never interrupted.</item>
/// <item>Concurrent edits: writers editing one event at once, each read-modify-write with the version it read, retrying
/// on a conflict: every edit must be in the final record (no lost update) and the chain verify.</item>
/// <item>Tampering: each direct edit of <see cref="TamperKinds"/> plus a chain rewritten with fresh hashes, on a copy of an
/// anchored record: <c>audit verify</c> with the anchors must name each.</item>
/// </list>
/// Exit 1 when any failure, inconsistency, lost update or undetected edit is found.
/// </summary>
internal static class IntegrityBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        var inputs = options.Int("--inputs", 100_000);
        var kills = options.Int("--kills", 200);
        var writers = options.Int("--writers", 8);
        var edits = options.Int("--edits", 25);
        var limits = new FuzzEntryPoints.FuzzLimits(TimeSpan.FromSeconds(options.Int("--input-seconds", 10)), (long)options.Int("--input-mb", 500) << 20);
        var marsad = options.String("--marsad") ?? Path.Combine(Intake.HostileInputBench.RepositoryRoot(), "src/Marsad.Cli/bin/Release/net10.0/marsad");
        if (kills > 0 && !File.Exists(marsad))
        {
            Console.Error.WriteLine($"integrity: {marsad} not found: build it first (dotnet build src/Marsad.Cli -c Release) or give --marsad PATH");
            return 2;
        }

        var rows = new List<(string What, long Tried, long Bad)>();
        var clock = Stopwatch.StartNew();

        Console.WriteLine($"fuzzing: {inputs:N0} CsCheck inputs per entry point, bounds {limits.Time.TotalSeconds:0} s and {limits.AllocatedBytes >> 20} MB allocated per input");
        Console.WriteLine($"  {"entry point",-16} {"inputs",9} {"failures",8} {"slowest ms",10} {"most MB",8} {"wall s",7}");
        foreach (var entry in inputs > 0 ? FuzzEntryPoints.All : Array.Empty<FuzzEntryPoints.EntryPoint>())
        {
            var started = clock.Elapsed;
            var outcome = entry.Run(inputs, limits);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {entry.Name,-16} {outcome.Inputs,9:N0} {outcome.Failures,8} {outcome.Slowest.TotalMilliseconds,10:0.0} {outcome.MostAllocated / 1048576.0,8:0.0} {(clock.Elapsed - started).TotalSeconds,7:0.0}"));
            foreach (var example in outcome.Examples)
            {
                Console.WriteLine($"    {example}");
            }

            rows.Add(($"inputs tried: {entry.Name}", outcome.Inputs, outcome.Failures));
        }

        var folder = Directory.CreateTempSubdirectory("marsad-integrity-");
        try
        {
            if (kills > 0)
            {
                var (killed, inconsistent) = await KillPoints.RunAsync(marsad, folder.FullName, kills);
                rows.Add(("kill points", killed, inconsistent));
            }

            var (made, lost) = await ConcurrentEditsAsync(Path.Combine(folder.FullName, "concurrent.db"), writers, edits);
            rows.Add(("concurrent edits", made, lost));
            var (kinds, undetected) = await TamperAsync(Directory.CreateDirectory(Path.Combine(folder.FullName, "tamper")).FullName);
            rows.Add(("tamper kinds", kinds, undetected));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }

        Console.WriteLine();
        Console.WriteLine($"integrity ({clock.Elapsed.TotalSeconds:0} s):");
        Console.WriteLine($"| {"what",-28} | {"tried",9} | {"bad",5} |");
        Console.WriteLine($"|{new string('-', 30)}|{new string('-', 11)}|{new string('-', 7)}|");
        foreach (var (what, tried, bad) in rows)
        {
            var (label, badLabel) = what switch
            {
                "kill points" => ("kill points", "inconsistencies"),
                "concurrent edits" => ("concurrent edits", "lost updates"),
                "tamper kinds" => ("tamper kinds", "undetected"),
                _ => (what, "failures"),
            };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label,-28} | {tried,9:N0} | {bad,5} | {badLabel}"));
        }

        return rows.All(r => r.Bad == 0) ? 0 : 1;
    }

    // Writers edit one event at once through the record store, each with the version it read; a conflict (409 on the API)
    // makes the writer read again and redo its edit. Every edit leaves a mark in the summary: a missing mark is a lost update.
    private static async Task<(long Edits, long Lost)> ConcurrentEditsAsync(string database, int writers, int editsEach)
    {
        var store = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, database), TimeProvider.System);
        var id = Guid.NewGuid();
        await store.Records.AddAsync(new ConflictEvent
        {
            Id = id,
            SubEventType = AcledSubEventType.ShellingArtilleryMissileAttack,
            Date = DateSpan.OnDay(new DateOnly(2023, 3, 4)),
            Actor1 = "Military Forces of Syria (2000-)",
            Location = new Location("Ariha", null, "Idlib", null, null, new GeoPoint(35.81, 36.61), GeoPrecision.Place),
            Summary = "edits:",
            Status = EventStatus.Extracted,
        }, new ChangeContext("bench"));
        var conflicts = 0;
        async Task WriteAsync(int writer)
        {
            // Each writer opens its own store, as separate processes or web requests would.
            var own = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, database), TimeProvider.System, migrate: false);
            for (var e = 0; e < editsEach; e++)
            {
                while (true)
                {
                    var current = (await own.Records.GetAsync<ConflictEvent>(id))!;
                    try
                    {
                        await own.Records.UpdateAsync(current.Value with { Summary = current.Value.Summary + string.Create(CultureInfo.InvariantCulture, $" w{writer}e{e}") },
                            current.Version, new ChangeContext($"writer{writer}"));
                        break;
                    }
                    catch (ConcurrencyConflictException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() => WriteAsync(w))));
        var final = (await store.Records.GetAsync<ConflictEvent>(id))!;
        var marks = final.Value.Summary!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToHashSet(StringComparer.Ordinal);
        var expected = Enumerable.Range(0, writers).SelectMany(w => Enumerable.Range(0, editsEach).Select(e => string.Create(CultureInfo.InvariantCulture, $"w{w}e{e}"))).ToList();
        var lost = expected.Count(m => !marks.Contains(m));
        var verified = (await store.Audit.VerifyAsync()).Ok;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"concurrent edits: {writers} writers x {editsEach} edits of one event, {conflicts} conflicts retried, final version {final.Version}, lost {lost}, audit verify {(verified ? "ok" : "FAILED")}"));
        return (expected.Count, lost + (verified ? 0 : 1) + (final.Version == expected.Count + 1 ? 0 : 1));
    }

    // Each direct edit on a fresh copy of the anchored record, and a chain rewritten with fresh hashes: verify must name each.
    private static async Task<(long Kinds, long Undetected)> TamperAsync(string folder)
    {
        var (template, anchors, publicKey) = await TamperKinds.BuildRecordAsync(folder);
        var undetected = new List<string>();
        var kinds = 0;
        foreach (var (kind, sql, named) in TamperKinds.Edits.Select(e => (e.Kind, e.Sql, e.Named)).Append(("whole chain rewritten with fresh hashes", "", "rewritten")))
        {
            kinds++;
            var copy = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"edit-{kinds}.db"));
            File.Copy(template, copy);
            if (sql.Length == 0)
            {
                TamperKinds.RewriteChain(copy);
            }
            else if (TamperKinds.Execute(copy, sql) == 0)
            {
                undetected.Add($"{kind}: the edit changed no row");
                continue;
            }

            var failures = await TamperKinds.VerifyAsync(copy, anchors, publicKey);
            if (!failures.Any(f => TamperKinds.Names(f, named)))
            {
                undetected.Add($"{kind}: verify said {string.Join(" | ", failures.Select(f => f.Problem))}");
            }
        }

        Console.WriteLine($"tampering: {kinds} edit kinds on copies of an anchored record, {undetected.Count} not named by audit verify --anchors");
        foreach (var line in undetected)
        {
            Console.WriteLine($"  {line}");
        }

        return (kinds, undetected.Count);
    }
}
