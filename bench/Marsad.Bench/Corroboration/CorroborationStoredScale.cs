using System.Diagnostics;
using System.Globalization;
using Marsad.Core.Audit;
using Marsad.Core.Corroboration;
using Marsad.Core.Storage;
using Marsad.Domain.Audit;
using Microsoft.Data.Sqlite;

namespace Marsad.Bench.Corroboration;

/// <summary>
/// The whole <c>marsad corroborate</c> use case over events stored in SQLite: read every standing
/// event, decide the groups, and write every merge and grade with its revision. Each size runs in
/// fresh child processes pinned to one core with the CLI's workstation GC: one stores the generated
/// reports (untimed set-up, each with an insert revision so the chain is whole), the next only
/// corroborates, so its peak memory is the use case's own. The audit chain is verified afterwards.
/// </summary>
internal static class CorroborationStoredScale
{
    private const string Name = "corroborate-stored";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchArgs(args);
        if (options.String("--fill") is { } fillPath)
        {
            Fill(fillPath, options.Int("--events", 100_000));
            return 0;
        }

        if (options.String("--run") is { } runPath)
        {
            return await CorroborateAsync(runPath, verify: args.Contains("--verify"));
        }

        var sizes = options.String("--sizes")?.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() ?? [100_000, 300_000, 1_000_000];
        var root = Path.Combine(Path.GetTempPath(), "marsad-bench-corroborate-" + Environment.ProcessId);
        Directory.CreateDirectory(root);
        Console.WriteLine("corroborate-stored: marsad corroborate (read + decide + write every merge and grade with its revision) on generated reports in SQLite;");
        Console.WriteLine("  one child process per size, pinned to one core, workstation GC; peak = the corroborating process's peak working set");
        Console.WriteLine($"{"events",9} {"full s",8} {"cpu s",7} {"peak MB",8} {"merged",8} {"groups",8} {"graded",8} {"audit",12}");
        var perThousand = new List<string>();
        try
        {
            foreach (var size in sizes)
            {
                var database = Path.Combine(root, $"events-{size}.db");
                if (await ChildAsync(["--fill", database, "--events", size.ToString(CultureInfo.InvariantCulture)]) is not [])
                {
                    return 1;
                }

                var line = await ChildAsync(["--run", database, "--verify"]);
                if (line is not [var seconds, var cpu, var peak, var merged, var groups, var graded, var audit])
                {
                    Console.Error.WriteLine($"corroborate-stored: the run at {size} events printed '{string.Join(' ', line)}'");
                    return 1;
                }

                Console.WriteLine($"{size,9} {seconds,8} {cpu,7} {peak,8} {merged,8} {groups,8} {graded,8} {audit,12}");
                perThousand.Add(string.Create(CultureInfo.InvariantCulture, $"{size / 1000}k: {PerThousand(seconds, size)} / {PerThousand(cpu, size)} ms"));
                SqliteConnection.ClearAllPools();
                foreach (var file in Directory.GetFiles(root))
                {
                    File.Delete(file);
                }
            }

            Console.WriteLine($"linearity (full run per 1,000 events, wall / cpu; wall counts waiting for the core on a loaded machine): {string.Join(", ", perThousand)}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static string PerThousand(string seconds, int size) =>
        (double.Parse(seconds, CultureInfo.InvariantCulture) * 1_000_000 / size).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Runs this benchmark in a child process on one core and returns the words of its last output line.</summary>
    private static async Task<string[]> ChildAsync(string[] arguments)
    {
        // taskset pins every thread the runtime starts; setting the affinity after start would miss those already running.
        var pin = OperatingSystem.IsLinux() && File.Exists("/usr/bin/taskset");
        var start = new ProcessStartInfo(pin ? "/usr/bin/taskset" : Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (pin)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("0");
            start.ArgumentList.Add(Environment.ProcessPath!);
        }

        if (!Environment.ProcessPath!.EndsWith("Marsad.Bench", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(CorroborationStoredScale).Assembly.Location);
        }

        start.ArgumentList.Add(Name);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // As marsad runs: workstation GC (the bench itself uses server GC), told it has one processor.
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_PROCESSOR_COUNT"] = "1";
        using var child = Process.Start(start)!;
        if (!pin && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
        {
            child.ProcessorAffinity = 1;
        }

        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            Console.Error.WriteLine($"corroborate-stored: child {string.Join(' ', arguments)} exited with {child.ExitCode}");
            return ["failed"];
        }

        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return last.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The timed part: the use case exactly as <c>marsad corroborate</c> calls it, then (untimed) the chain check.</summary>
    private static async Task<int> CorroborateAsync(string database, bool verify)
    {
        var store = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, database), TimeProvider.System);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var outcome = await new CorroborateEvents(store, new CorroborationOptions()).RunAsync(new ChangeContext("bench", "corroborate"));
        var seconds = clock.Elapsed.TotalSeconds;
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
        var audit = "unchecked";
        if (verify)
        {
            var verification = await store.Audit.VerifyAsync();
            audit = verification.Ok ? $"ok:{verification.Checked}" : $"FAILED:{verification.FirstFailure!.Sequence}";
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{seconds:0.0} {used:0.0} {peak} {outcome.Merges.Sum(m => m.Merged.Count)} {outcome.Merges.Count} {outcome.Graded} {audit}"));
        return verify && !audit.StartsWith("ok", StringComparison.Ordinal) ? 1 : 0;
    }

    /// <summary>
    /// Writes the generated reports as events with minimal payloads, each linked to a document of its
    /// outlet, in one transaction; every document and event gets its insert revision in the chain so
    /// that <c>marsad audit verify</c> holds before and after corroboration.
    /// </summary>
    private static void Fill(string database, int size)
    {
        var incidents = (int)(size / 2.1 * 0.6);
        var corpus = new CorpusGenerator(4).GenerateLarge(incidents, (int)(incidents / 0.6 * 0.4));
        // Creating the store migrates the new file.
        _ = MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, database), TimeProvider.System).GetAwaiter().GetResult();
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var tx = connection.BeginTransaction();
        var chain = new Chain(connection, tx);
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var outlet in corpus.Select(c => c.Sources[0]).Distinct())
        {
            var sourceId = Guid.NewGuid().ToString("D");
            var documentId = Guid.NewGuid();
            Execute(connection, tx, "INSERT INTO sources (id, name, name_key, kind, confidential, created_at) VALUES ($1, $2, $3, 'outlet', 0, '2024-01-01')", sourceId, outlet, outlet.ToUpperInvariant());
            var text = "bench document of " + outlet;
            Execute(connection, tx, "INSERT INTO documents (id, text_sha256, original_sha256, source_id, language, media_type, origin, received_at, clean_text, original) VALUES ($1, $2, $2, $3, 'en', 'text/plain', 'bench', '2024-01-01', $4, x'00')",
                documentId.ToString("D"), RevisionHasher.Sha256Hex(text), sourceId, text);
            chain.Append("document", documentId, text);
            documents[outlet] = documentId.ToString("D");
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO events (id, version, status, event_type, sub_event_type, date_start, date_end, actor1, actor2, admin3, latitude, longitude, fatalities, payload, updated_at)
            VALUES ($id, 1, 'extracted', '', $sub, $start, $end, $a1, $a2, $area, $lat, $lon, $deaths, $payload, '2024-01-01')
            """;
        var parameters = new[] { "$id", "$sub", "$start", "$end", "$a1", "$a2", "$area", "$lat", "$lon", "$deaths", "$payload" }.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        using var link = connection.CreateCommand();
        link.Transaction = tx;
        link.CommandText = "INSERT INTO record_documents (record_kind, record_id, document_id) VALUES ('event', $id, $doc)";
        var linkId = link.Parameters.Add(new SqliteParameter("$id", null));
        var linkDoc = link.Parameters.Add(new SqliteParameter("$doc", null));
        foreach (var e in corpus)
        {
            var payload = Payload(e, Guid.Parse(documents[e.Sources[0]]));
            object?[] values = [e.Id.ToString("D"), e.SubEventType, Iso(e.Start), Iso(e.End), e.Actor1, e.Actor2, e.AdminArea, e.Latitude, e.Longitude, e.Fatalities, payload];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
            linkId.Value = e.Id.ToString("D");
            linkDoc.Value = documents[e.Sources[0]];
            link.ExecuteNonQuery();
            chain.Append("event", e.Id, payload);
        }

        tx.Commit();
    }

    /// <summary>Insert revisions for the set-up rows, hashed and linked as the store links them.</summary>
    private sealed class Chain
    {
        private readonly SqliteCommand _insert;
        private readonly SqliteParameter[] _values;
        private long _sequence;
        private string _previous = Revision.GenesisHash;

        public Chain(SqliteConnection connection, SqliteTransaction tx)
        {
            _insert = connection.CreateCommand();
            _insert.Transaction = tx;
            _insert.CommandText = """
                INSERT INTO revisions (seq, entity_type, entity_id, action, author, at, reason, changes, state_sha256, prev_hash, hash)
                VALUES ($seq, $type, $id, 'insert', 'bench', $at, 'generated by the benchmark set-up', $changes, $state, $prev, $hash)
                """;
            _values = [.. new[] { "$seq", "$type", "$id", "$at", "$changes", "$state", "$prev", "$hash" }.Select(n => _insert.Parameters.Add(new SqliteParameter(n, null)))];
        }

        private static DateTimeOffset At { get; } = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public void Append(string type, Guid id, string state)
        {
            const string changes = """{"generated":{"old":null,"new":"benchmark set-up"}}""";
            var stateHash = RevisionHasher.Sha256Hex(state);
            var hash = RevisionHasher.Hash(++_sequence, type, id, RevisionAction.Insert, "bench", At, "generated by the benchmark set-up", changes, stateHash, _previous);
            object[] values = [_sequence, type, id.ToString("D"), RevisionHasher.FormatTime(At), changes, stateHash, _previous, hash];
            for (var i = 0; i < values.Length; i++)
            {
                _values[i].Value = values[i];
            }

            _insert.ExecuteNonQuery();
            _previous = hash;
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction tx, string sql, params object[] values)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"${i + 1}", values[i]);
        }

        command.ExecuteNonQuery();
    }

    private static string Payload(EventSignature e, Guid document) => System.Text.Json.JsonSerializer.Serialize(
        new Marsad.Domain.Events.ConflictEvent
        {
            Id = e.Id,
            SubEventType = Marsad.Domain.Events.AcledSubEventType.FromLabel(e.SubEventType)!,
            Date = new Marsad.Domain.Common.DateSpan(e.Start, e.End, Marsad.Domain.Common.TimePrecision.Day),
            Actor1 = e.Actor1,
            Actor2 = e.Actor2,
            Location = e.Latitude is { } lat && e.Longitude is { } lon
                ? new Marsad.Domain.Common.Location(e.AdminArea, null, null, null, e.AdminArea, new Marsad.Domain.Common.GeoPoint(lat, lon), Marsad.Domain.Common.GeoPrecision.Place)
                : new Marsad.Domain.Common.Location(e.AdminArea, null, null, null, e.AdminArea, null, null),
            Quantities = e.Fatalities is { } n ? Marsad.Domain.Common.Quantities.Empty.With("fatalities", Marsad.Domain.Common.Quantity.Exactly(n)) : Marsad.Domain.Common.Quantities.Empty,
            DocumentIds = [document],
        },
        Marsad.Core.Storage.Json.MarsadJson.Options);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
