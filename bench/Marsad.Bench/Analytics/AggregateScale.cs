using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marsad.Core.Analytics;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Microsoft.Data.Sqlite;

namespace Marsad.Bench.Analytics;

/// <summary>
/// Monthly aggregates on a large record: generated events are written into a migrated SQLite database
/// with the same columns and JSON payload the record store writes, so the analytics triggers keep the
/// month totals as they do for real writes (set-up, timed apart); then the real
/// <see cref="IEventAnalytics.MonthAsync"/> — the month's aggregates by every dimension, the previous
/// month, and the running totals since 2014-09-23 — is timed for all events, one actor and one
/// governorate, at 100k, 300k and 1M events (the database grows; each size adds to the last).
/// </summary>
internal static class AggregateScale
{
    private const string Coalition = "Global Coalition Against Daesh";

    public static async Task<int> RunAsync(string[] args)
    {
        var bench = new BenchArgs(args);
        var sizes = bench.String("--sizes")?.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() ?? [100_000, 300_000, 1_000_000];
        var runs = int.Parse(bench.String("--runs") ?? "7", CultureInfo.InvariantCulture);
        var month = new ReportMonth(2019, 6);
        var root = Path.Combine(Path.GetTempPath(), "marsad-bench-aggregates-" + Environment.ProcessId);
        Directory.CreateDirectory(root);
        var database = Path.Combine(root, "events.db");
        Console.WriteLine($"aggregate-scale: month {month} (aggregates by type, sub-type, actor, admin1/2, grade, status, day, week; previous month; running totals since 2014-09-23)");
        Console.WriteLine($"median of {runs} runs after one warm-up, first (cold) run in brackets; write = generated events inserted with their triggers");
        Console.WriteLine("read = the month's events read (EventsAsync); aggregate = their breakdowns built; all, actor, admin1 = the whole MonthAsync (read this month and the last, this month's breakdowns and the last's totals, running totals)");
        Console.WriteLine($"{"events",9} {"write s",8} {"month events",13} {"read ms",13} {"aggregate ms",13} {"all ms",13} {"actor ms",13} {"admin1 ms",13} {"running ms",11}");
        try
        {
            var store = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, database), TimeProvider.System);
            var generator = new EventGenerator(7);
            var written = 0;
            foreach (var size in sizes)
            {
                var clock = Stopwatch.StartNew();
                Fill(database, generator, size - written);
                var write = clock.Elapsed;
                written = size;
                var analytics = store.Analytics;
                var read = await WarmTimings.TimeAsync(() => analytics.EventsAsync(month.First, month.Last, new AnalyticsFilter()), runs);
                var rows = await analytics.EventsAsync(month.First, month.Last, new AnalyticsFilter());
                var aggregate = await WarmTimings.TimeAsync(() => Task.FromResult(Aggregator.Aggregate(month.First, month.Last, rows)), runs);
                var all = await WarmTimings.TimeAsync(() => analytics.MonthAsync(month, new AnalyticsFilter(), new DateOnly(2014, 9, 23)), runs);
                var actor = await WarmTimings.TimeAsync(() => analytics.MonthAsync(month, new AnalyticsFilter { Actor = Coalition }), runs);
                var admin1 = await WarmTimings.TimeAsync(() => analytics.MonthAsync(month, new AnalyticsFilter { Admin1 = "Deir-ez-Zor" }, new DateOnly(2014, 9, 23)), runs);
                var running = await WarmTimings.TimeAsync(() => analytics.RunningTotalsAsync(new DateOnly(2014, 9, 23), month, Coalition, null, false), runs);
                var events = (await analytics.MonthAsync(month, new AnalyticsFilter())).Current.Total.Events;
                Console.WriteLine($"{size,9} {write.TotalSeconds,8:0.0} {events,13} {WarmTimings.Show(read),13} {WarmTimings.Show(aggregate),13} {WarmTimings.Show(all),13} {WarmTimings.Show(actor),13} {WarmTimings.Show(admin1),13} {WarmTimings.Show(running),11}");
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Inserts events as the record store does (columns from the event, payload in Marsad's JSON), in
    /// transactions of 20,000; revisions are left out (the audit chain is not what analytics reads).
    /// </summary>
    private static void Fill(string database, EventGenerator generator, int count)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        for (var done = 0; done < count;)
        {
            using var tx = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT INTO events (id, version, status, event_type, sub_event_type, date_start, date_end, actor1, actor2, admin1, admin2, admin3, latitude, longitude, grade, fatalities, merged_into, payload, updated_at)
                VALUES ($id, 1, $status, $type, $sub, $start, $end, $a1, $a2, $adm1, $adm2, NULL, $lat, $lon, $grade, $deaths, NULL, $payload, '2024-09-01T00:00:00Z')
                """;
            var names = new[] { "$id", "$status", "$type", "$sub", "$start", "$end", "$a1", "$a2", "$adm1", "$adm2", "$lat", "$lon", "$grade", "$deaths", "$payload" };
            var parameters = names.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
            var batch = Math.Min(20_000, count - done);
            for (var i = 0; i < batch; i++)
            {
                var e = generator.Next();
                object?[] values =
                [
                    e.Id.ToString("D"), Name(e.Status), e.EventType.Label, e.SubEventType.Label, Iso(e.Date.Start), Iso(e.Date.End), e.Actor1, e.Actor2,
                    e.Location?.Admin1, e.Location?.Admin2, e.Location?.Point?.Latitude, e.Location?.Point?.Longitude, e.Grade is { } g ? Name(g) : null,
                    e.Quantities.TryGetValue("fatalities", out var f) ? f.Best ?? f.Low : null, JsonSerializer.Serialize(e, MarsadJson.Options),
                ];
                for (var p = 0; p < values.Length; p++)
                {
                    parameters[p].Value = values[p] ?? DBNull.Value;
                }

                insert.ExecuteNonQuery();
            }

            tx.Commit();
            done += batch;
        }
    }

    private static string Name<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value, MarsadJson.Options).Trim('"');

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
