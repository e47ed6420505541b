using System.Diagnostics;
using System.Globalization;
using Marsad.Core.Corroboration;
using Marsad.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Marsad.Bench.Corroboration;

/// <summary>
/// Corroboration of events stored in SQLite: the generated reports are written straight into a fresh
/// database (untimed set-up), then timed: reading every standing event's signature through the store,
/// and deciding the groups; then the whole <c>marsad corroborate</c> use case (read, decide, and write every
/// merge and grade with its revision) on the same database.
/// </summary>
internal static class CorroborationStoredScale
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = new BenchArgs(args).String("--sizes")?.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() ?? [100_000, 300_000, 1_000_000];
        var root = Path.Combine(Path.GetTempPath(), "marsad-bench-corroborate-" + Environment.ProcessId);
        Directory.CreateDirectory(root);
        Console.WriteLine("corroborate-stored: generated reports stored in SQLite; read = signatures through the store, decide = blocking, scoring, grouping (one thread)");
        Console.WriteLine($"{"events",9} {"read s",7} {"decide s",9} {"groups",8} {"full run s",11} {"merges",8} {"grades",8} {"peak MB",8}");
        try
        {
            foreach (var size in sizes)
            {
                var incidents = (int)(size / 2.1 * 0.6);
                var corpus = new CorpusGenerator(4).GenerateLarge(incidents, (int)(incidents / 0.6 * 0.4));
                var database = Path.Combine(root, $"events-{size}.db");
                var store = await MarsadStore.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, database), TimeProvider.System);
                Fill(database, corpus);
                corpus = null;
                GC.Collect();
                var clock = Stopwatch.StartNew();
                var signatures = await store.Events.SignaturesAsync();
                var read = clock.Elapsed;
                var result = new Corroborator(new CorroborationOptions()).Run(signatures);
                var decide = clock.Elapsed - read;
                signatures = null;
                GC.Collect();
                clock.Restart();
                var outcome = await new CorroborateEvents(store, new CorroborationOptions()).RunAsync(new ChangeContext("bench"));
                var full = clock.Elapsed;
                var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
                Console.WriteLine($"{size,9} {read.TotalSeconds,7:0.00} {decide.TotalSeconds,9:0.00} {result.Groups.Count,8} {full.TotalSeconds,11:0.0} {outcome.Merges.Sum(m => m.Merged.Count),8} {outcome.Graded,8} {peak,8}");
                SqliteConnection.ClearAllPools();
                File.Delete(database);
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Writes the reports as events with minimal payloads, each linked to a document of its outlet; one transaction, no revisions (set-up only).</summary>
    private static void Fill(string database, IReadOnlyList<EventSignature> corpus)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var tx = connection.BeginTransaction();
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var outlet in corpus.Select(c => c.Sources[0]).Distinct())
        {
            var sourceId = Guid.NewGuid().ToString("D");
            var documentId = Guid.NewGuid().ToString("D");
            Execute(connection, tx, "INSERT INTO sources (id, name, name_key, kind, confidential, created_at) VALUES ($1, $2, $3, 'outlet', 0, '2024-01-01')", sourceId, outlet, outlet.ToUpperInvariant());
            Execute(connection, tx, "INSERT INTO documents (id, text_sha256, original_sha256, source_id, language, media_type, origin, received_at, clean_text, original) VALUES ($1, $2, $2, $3, 'en', 'text/plain', 'bench', '2024-01-01', 'bench', x'00')",
                documentId, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(outlet))), sourceId);
            documents[outlet] = documentId;
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
            object?[] values = [e.Id.ToString("D"), e.SubEventType, Iso(e.Start), Iso(e.End), e.Actor1, e.Actor2, e.AdminArea, e.Latitude, e.Longitude, e.Fatalities, Payload(e, Guid.Parse(documents[e.Sources[0]]))];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
            linkId.Value = e.Id.ToString("D");
            linkDoc.Value = documents[e.Sources[0]];
            link.ExecuteNonQuery();
        }

        tx.Commit();
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
