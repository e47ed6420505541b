using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Bench.Analytics;
using Marsad.Core.Access;
using Marsad.Core.Analytics;
using Marsad.Core.Events;
using Marsad.Core.Storage;
using Marsad.Domain.Events;
using Npgsql;

namespace Marsad.Bench.Storage;

/// <summary>
/// Issue 17's PostgreSQL numbers on a new database on the server given: N generated events over ten years (the
/// aggregate bench's generator, Marsad's JSON payload) loaded with binary COPY into the migrated events table holding
/// only its primary key; then each secondary index (the migrations' own definitions, PostGIS's GiST among them when
/// the server has it) rebuilt and timed apart; the analytics table the report reads (event_facts) filled set-wise, as
/// the row trigger is off during the load; then, warm, the report's own query (<see cref="IEventAnalytics.MonthAsync"/>:
/// the month's events and breakdowns by type, admin1 and the rest, the month before's totals) and a bbox listing of
/// about 1,000 events through the events listing (<see cref="IEventQueries.ListJsonAsync"/>, the team's view).
/// </summary>
internal static class PostgresScale
{
    private static readonly string[] Columns =
        ["id", "version", "status", "event_type", "sub_event_type", "date_start", "date_end", "actor1", "actor2", "admin1", "admin2", "admin3", "latitude", "longitude", "grade", "fatalities", "merged_into", "payload", "updated_at"];

    // The generator's points: latitude 32.5-37, longitude 35.8-42, uniformly.
    private const double PointArea = 4.5 * 6.2;

    public static async Task<int> RunAsync(string[] args)
    {
        var bench = new BenchArgs(args);
        var server = bench.String("--db") ?? Environment.GetEnvironmentVariable("MARSAD_BENCH_POSTGRES");
        if (server is null)
        {
            Console.Error.WriteLine("pg-scale: --db \"Host=...;Username=...;Database=postgres\" (a server where this role may create databases) or MARSAD_BENCH_POSTGRES");
            return 2;
        }

        var count = bench.Int("--events", 10_000_000);
        var runs = bench.Int("--runs", 7);
        var month = new ReportMonth(2019, 6);
        // --database NAME: measure again on a database an earlier run kept (--keep), without loading it again.
        var reuse = bench.String("--database");
        // --partitioned 1: events and revisions partitioned by month first (marsad db partition), to measure what it costs.
        var partitioned = bench.String("--partitioned") is not null;
        var keep = bench.String("--keep") is not null || reuse is not null;
        var name = reuse ?? (bench.String("--prefix") ?? "marsad_bench_") + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var admin = new NpgsqlConnectionStringBuilder(PostgresDialect(server)) { Pooling = false }.ConnectionString;
        if (reuse is null)
        {
            if (GeneratedPayload.Verify(20_000) is { } differs)
            {
                Console.Error.WriteLine("pg-scale: " + differs);
                return 1;
            }

            await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        }

        var connection = new NpgsqlConnectionStringBuilder(PostgresDialect(server)) { Database = name, CommandTimeout = 0 }.ConnectionString;
        try
        {
            var store = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.PostgreSql, connection), TimeProvider.System);
            // The bench's own connection (the load, index builds, fills) sends in 64 KB writes rather than Npgsql's 8 KB:
            // the COPY's socket sends were a tenth of its thread's time.
            await using var db = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { WriteBufferSize = 65_536 }.ConnectionString);
            await db.OpenAsync();
            if (reuse is not null)
            {
                Console.WriteLine($"pg-scale: measuring again on {name} ({await ScalarAsync(db, "SELECT COUNT(*) FROM events"):N0} events)");
                return await MeasureAsync(store, db, await ScalarAsync(db, "SELECT COUNT(*) FROM events"), runs, month);
            }

            Console.WriteLine($"pg-scale: {count:N0} generated events (2014-09 to 2024-08) into a new database {name}; warm timings are the median of {runs} runs after one first run (in brackets)");
            Console.WriteLine("server: " + string.Join(", ", await SettingsAsync(db)));

            if (partitioned)
            {
                // As `marsad db partition` makes them (migration 52), then the months' partitions first, so the COPY
                // routes each row straight to its month.
                await RunAsync(db, "SELECT marsad_partition_tables_by_month()");
                await RunAsync(db, "SELECT marsad_month_partition('events', to_char(m, 'YYYY-MM')) FROM generate_series(DATE '2014-09-01', DATE '2024-08-01', INTERVAL '1 month') m");
            }

            // Only the primary key during the load: the other indexes are dropped and rebuilt afterwards, each timed.
            // A partitioned table's index is listed "ON ONLY" the parent; made again without ONLY, it is built on every partition.
            var indexes = (await ListAsync(db, "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'events' AND indexname <> 'events_pkey' ORDER BY indexname"))
                .Select(i => (i.Name, Definition: i.Definition.Replace(" ON ONLY ", " ON ", StringComparison.Ordinal))).ToList();
            foreach (var (index, _) in indexes)
            {
                await RunAsync(db, $"DROP INDEX {index}");
            }

            // No row triggers during the load either: both (the analytics tables, the text-search queue) are replaced by
            // set-wise statements after it, timed apart. With the text queue's trigger on, every row ran a plpgsql
            // function and an insert into a second indexed table inside the COPY.
            await RunAsync(db, "ALTER TABLE events DISABLE TRIGGER events_analytics");
            await RunAsync(db, "ALTER TABLE events DISABLE TRIGGER events_text_queue");
            // Nor the statement trigger that keeps event_ids (it would hold every loaded row in a transition table):
            // event_ids is filled from the events after the load, timed with the indexes.
            if (partitioned)
            {
                await RunAsync(db, "ALTER TABLE events DISABLE TRIGGER events_keys_insert");
            }

            var serverBefore = await ServerCpuAsync(db);
            var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var bytes = await LoadAsync(db, count);
            var load = clock.Elapsed;
            var client = (Process.GetCurrentProcess().TotalProcessorTime - clientBefore).TotalSeconds;
            var serverCpu = await ServerCpuAsync(db) - serverBefore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"load     {count,12:N0} events by binary COPY into events (primary key only): {load.TotalSeconds:0.0} s, {count / load.TotalSeconds:N0} events/s, {bytes / 1e9:0.00} GB of payload JSON"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"load     CPU: server backend {Cpu(serverCpu)}; bench process (generating, serializing and sending the events) {client:0.0} s; load average {Load()}"));

            var built = TimeSpan.Zero;
            foreach (var (index, definition) in indexes)
            {
                clock.Restart();
                await RunAsync(db, definition);
                built += clock.Elapsed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index    {index,-28} {clock.Elapsed.TotalSeconds,7:0.0} s"));
            }

            if (partitioned)
            {
                clock.Restart();
                await RunAsync(db, "INSERT INTO event_ids (id) SELECT id FROM events");
                await RunAsync(db, "ALTER TABLE events ENABLE TRIGGER events_keys_insert");
                built += clock.Elapsed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index    {"event_ids (id uniqueness)",-28} {clock.Elapsed.TotalSeconds,7:0.0} s"));
            }

            clock.Restart();
            await RunAsync(db, "ANALYZE events");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index    all {indexes.Count} secondary indexes {built.TotalSeconds:0.0} s; ANALYZE events {clock.Elapsed.TotalSeconds:0.0} s"));

            clock.Restart();
            var facts = await FillAnalyticsAsync(db);
            await RunAsync(db, "ALTER TABLE events ENABLE TRIGGER events_analytics");
            // What the text queue's trigger would have queued: every loaded event, for the search indexer to read.
            await using (var queue = await db.BeginTransactionAsync())
            {
                await RunAsync(db, "TRUNCATE event_text_pending");
                await RunAsync(db, "INSERT INTO event_text_pending (event_id) SELECT id FROM events");
                await queue.CommitAsync();
            }

            await RunAsync(db, "ALTER TABLE events ENABLE TRIGGER events_text_queue");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"facts    {facts,12:N0} rows of event_facts filled set-wise (+ the longest span, ANALYZE, the text-search queue): {clock.Elapsed.TotalSeconds:0.0} s"));
            var size = await ScalarAsync(db, "SELECT pg_database_size(current_database())");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"size     database {size / 1e9:0.00} GB"));

            return await MeasureAsync(store, db, count, runs, month);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (keep)
            {
                Console.WriteLine($"kept database {name}");
            }
            else
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }
    }

    /// <summary>The warm timings: the report's month query and a bbox listing of about 1,000 events.</summary>
    private static async Task<int> MeasureAsync(IMarsadStore store, NpgsqlConnection db, long count, int runs, ReportMonth month)
    {
        MonthlyAnalytics? result = null;
        // Where a month's time goes: the rows read (this month's and the last's EventsAsync) against the whole query.
        var (read, readCpu) = await CpuPerRunAsync(db, runs, () => WarmTimings.TimeAsync(() => store.Analytics.EventsAsync(month.First, month.Last, new AnalyticsFilter()), runs));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"month    {month}: the month's rows alone (EventsAsync): {WarmTimings.Show(read)} ms; {readCpu}"));
        var monthRows = await store.Analytics.EventsAsync(month.First, month.Last, new AnalyticsFilter());
        var (built, builtCpu) = await CpuPerRunAsync(db, runs, () => WarmTimings.TimeAsync(() => Task.FromResult(Aggregator.Aggregate(month.First, month.Last, monthRows)), runs));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"month    {month}: the breakdowns of those {monthRows.Count:N0} rows alone (Aggregator.Aggregate, no database): {WarmTimings.Show(built)} ms; {builtCpu}"));
        var (aggregate, monthCpu) = await CpuPerRunAsync(db, runs, () => WarmTimings.TimeAsync(async () => result = await store.Analytics.MonthAsync(month, new AnalyticsFilter()), runs));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"month    {month}: {result!.Current.Total.Events:N0} events, {result.Current.ByAdmin1.Count} governorates x {result.Current.ByType.Count} types (+ sub-type, actor, admin2, grade, status, day, week), previous month {result.Previous.Events:N0}: {WarmTimings.Show(aggregate)} ms (MonthAsync, the report's query); {monthCpu}"));

        // A square box sized to hold about 1,000 of the uniformly spread points, away from the area's edges.
        var side = Math.Sqrt(PointArea * 1000 / count);
        var box = new BoundingBox(38.0, 34.0, 38.0 + side, 34.0 + side);
        var query = new EventQuery { Within = box, Limit = 1000 };
        var rows = 0;
        var (bbox, bboxCpu) = await CpuPerRunAsync(db, runs, () => WarmTimings.TimeAsync(async () => rows = (await store.Events.ListJsonAsync(query, Role.Viewer)).Count, runs));
        var spatial = await ScalarAsync(db, "SELECT COUNT(*) FROM pg_attribute WHERE attrelid = 'events'::regclass AND attname = 'geom'") == 1 ? "PostGIS GiST" : "plain columns";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bbox     {box.West:0.####},{box.South:0.####},{box.East:0.####},{box.North:0.####}: {rows:N0} events (limit 1,000, team view, payloads and sources): {WarmTimings.Show(bbox)} ms ({spatial}); {bboxCpu}"));
        return 0;
    }

    private static string PostgresDialect(string value) => Marsad.Core.Storage.Postgres.PostgresDialect.ToConnectionString(value);

    /// <summary>
    /// Generated rows handed from the generating thread to the COPY: the events, and each one's id and payload as UTF-8
    /// in one buffer (id, then payload, row after row) that is reused once the batch is written, so neither thread
    /// allocates a string per row or hands rows over one at a time.
    /// </summary>
    private sealed class Batch
    {
        public const int Capacity = 4096;
        public const int IdLength = 36;

        public ConflictEvent[] Events { get; } = new ConflictEvent[Capacity];

        /// <summary>Where each row's bytes end in <see cref="Bytes"/>; a row starts where the one before ends.</summary>
        public int[] Ends { get; } = new int[Capacity];

        public ArrayBufferWriter<byte> Bytes { get; } = new(Capacity * 800);

        public int Count { get; set; }
    }

    /// <summary>
    /// One binary COPY stream (Npgsql's raw binary COPY, the rows formatted by <see cref="CopyRows"/>). The generator
    /// runs on a thread of its own, writing each event's payload straight into bytes (<see cref="GeneratedPayload"/>),
    /// a few batches ahead of the stream; the rows take ids and payloads from those bytes as they are (text's binary
    /// form is its UTF-8) and encode the other fields, a batch sent at a time.
    /// </summary>
    private static async Task<long> LoadAsync(NpgsqlConnection db, int count)
    {
        using var failed = new CancellationTokenSource();
        using var free = new BlockingCollection<Batch>();
        using var full = new BlockingCollection<Batch>();
        for (var i = 0; i < 6; i++)
        {
            free.Add(new Batch());
        }

        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                var generator = new EventGenerator(7);
                using var json = new Utf8JsonWriter(Stream.Null, GeneratedPayload.WriterOptions);
                for (var made = 0; made < count;)
                {
                    var batch = free.Take(failed.Token);
                    batch.Bytes.ResetWrittenCount();
                    batch.Count = Math.Min(Batch.Capacity, count - made);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        var e = generator.Next();
                        batch.Events[i] = e;
                        e.Id.TryFormat(batch.Bytes.GetSpan(Batch.IdLength), out var written, "D");
                        batch.Bytes.Advance(written);
                        json.Reset(batch.Bytes);
                        GeneratedPayload.Write(json, e);
                        json.Flush();
                        batch.Ends[i] = batch.Bytes.WrittenCount;
                    }

                    made += batch.Count;
                    full.Add(batch, failed.Token);
                }
            }
            finally
            {
                full.CompleteAdding();
            }
        }, failed.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        long bytes = 0;
        var updated = Encoding.UTF8.GetBytes(DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        // The table is emptied in the COPY's own transaction: with wal_level=minimal PostgreSQL then writes the loaded
        // pages without a WAL record per row (the table is written out at commit instead), as its manual advises for a
        // bulk load; with another wal_level it is an ordinary logged COPY. The events table is empty here anyway.
        await using var load = await db.BeginTransactionAsync();
        await RunAsync(db, "TRUNCATE events");
        var copy = await db.BeginRawBinaryCopyAsync($"COPY events ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)");
        try
        {
            var rows = new CopyRows();
            rows.Header();
            foreach (var batch in full.GetConsumingEnumerable())
            {
                var memory = batch.Bytes.WrittenSpan;
                for (var i = 0; i < batch.Count; i++)
                {
                    var e = batch.Events[i];
                    var start = i == 0 ? 0 : batch.Ends[i - 1];
                    var payload = memory[(start + Batch.IdLength)..batch.Ends[i]];
                    bytes += payload.Length;
                    rows.Start(Columns.Length);
                    rows.Bytes(memory.Slice(start, Batch.IdLength));
                    rows.Int64(1L);
                    rows.Text(EnumText.Of(e.Status));
                    rows.Text(e.EventType.Label);
                    rows.Text(e.SubEventType.Label);
                    rows.Day(e.Date.Start);
                    rows.Day(e.Date.End);
                    rows.Text(e.Actor1);
                    rows.Text(e.Actor2);
                    rows.Text(e.Location?.Admin1);
                    rows.Text(e.Location?.Admin2);
                    rows.Text(e.Location?.Admin3);
                    rows.Float8(e.Location?.Point?.Latitude);
                    rows.Float8(e.Location?.Point?.Longitude);
                    rows.Text(e.Grade is { } g ? EnumText.Of(g) : null);
                    rows.Int64(e.Quantities.TryGetValue("fatalities", out var f) ? f.Best ?? f.Low : null);
                    rows.Null();
                    rows.Bytes(payload);
                    rows.Bytes(updated);
                }

                Array.Clear(batch.Events);
                free.Add(batch);
                await rows.SendAsync(copy);
            }

            await producer;
            rows.Trailer();
            await rows.SendAsync(copy);
            await copy.DisposeAsync();
        }
        catch
        {
            failed.Cancel();
            await copy.CancelAsync();
            throw;
        }

        await load.CommitAsync();
        return bytes;
    }

    /// <summary>
    /// Rows in PostgreSQL's binary COPY format (a header; each row its field count, then each field's length and bytes,
    /// -1 for null; a trailer), written by hand into one buffer sent through Npgsql's raw binary COPY: the typed
    /// importer bound a parameter for every field, half of the load's sending thread for 19 fields a row. Texts are
    /// their UTF-8, bigint and float8 their big-endian bytes, as the column types of the events table are.
    /// </summary>
    private sealed class CopyRows
    {
        private readonly ArrayBufferWriter<byte> buffer = new(1 << 21);

        public void Header()
        {
            // "PGCOPY\n", 0xFF, "\r\n", 0: the signature's 0xFF is a byte, not a character to encode.
            ((ReadOnlySpan<byte>)[(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0]).CopyTo(buffer.GetSpan(11));
            buffer.Advance(11);
            BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), 0);
            buffer.Advance(4);
            BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), 0);
            buffer.Advance(4);
        }

        public void Trailer()
        {
            BinaryPrimitives.WriteInt16BigEndian(buffer.GetSpan(2), -1);
            buffer.Advance(2);
        }

        public void Start(int fields)
        {
            BinaryPrimitives.WriteInt16BigEndian(buffer.GetSpan(2), (short)fields);
            buffer.Advance(2);
        }

        public void Null()
        {
            BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), -1);
            buffer.Advance(4);
        }

        public void Bytes(ReadOnlySpan<byte> value)
        {
            var span = buffer.GetSpan(4 + value.Length);
            BinaryPrimitives.WriteInt32BigEndian(span, value.Length);
            value.CopyTo(span[4..]);
            buffer.Advance(4 + value.Length);
        }

        public void Text(string? value)
        {
            if (value is null)
            {
                Null();
                return;
            }

            var span = buffer.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
            var length = Encoding.UTF8.GetBytes(value, span[4..]);
            BinaryPrimitives.WriteInt32BigEndian(span, length);
            buffer.Advance(4 + length);
        }

        public void Day(DateOnly day)
        {
            var span = buffer.GetSpan(4 + 10);
            day.TryFormat(span[4..], out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            BinaryPrimitives.WriteInt32BigEndian(span, length);
            buffer.Advance(4 + length);
        }

        public void Int64(long? value)
        {
            if (value is not { } v)
            {
                Null();
                return;
            }

            var span = buffer.GetSpan(12);
            BinaryPrimitives.WriteInt32BigEndian(span, 8);
            BinaryPrimitives.WriteInt64BigEndian(span[4..], v);
            buffer.Advance(12);
        }

        public void Float8(double? value)
        {
            if (value is not { } v)
            {
                Null();
                return;
            }

            var span = buffer.GetSpan(12);
            BinaryPrimitives.WriteInt32BigEndian(span, 8);
            BinaryPrimitives.WriteDoubleBigEndian(span[4..], v);
            buffer.Advance(12);
        }

        /// <summary>What is written so far, to the COPY stream (a batch at a time, a few MB).</summary>
        public async Task SendAsync(Stream copy)
        {
            await copy.WriteAsync(buffer.WrittenMemory);
            buffer.ResetWrittenCount();
        }
    }

    /// <summary>
    /// CPU seconds the server processes serving this database (every client backend: the store's pooled connections
    /// too) have used so far, read from /proc when the server runs on this machine (null elsewhere): on a shared
    /// machine the wall clock says more about the neighbours than the work. Parallel workers that have ended are not in it.
    /// </summary>
    private static async Task<double?> ServerCpuAsync(NpgsqlConnection db)
    {
        var pids = new List<long>();
        await using (var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'", db))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                pids.Add(reader.GetInt32(0));
            }
        }

        double total = 0;
        foreach (var pid in pids)
        {
            try
            {
                var stat = await File.ReadAllTextAsync($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
                total += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        return total;
    }

    /// <summary>A timed query's CPU per run: the bench process's (the store's reading and aggregating) and the server's.</summary>
    private static async Task<(T Result, string Cpu)> CpuPerRunAsync<T>(NpgsqlConnection db, int runs, Func<Task<T>> timed)
    {
        var server = await ServerCpuAsync(db);
        var client = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await timed();
        var clientPerRun = (Process.GetCurrentProcess().TotalProcessorTime - client).TotalMilliseconds / (runs + 1);
        var serverPerRun = (await ServerCpuAsync(db) - server) * 1000 / (runs + 1);
        return (result, string.Create(CultureInfo.InvariantCulture,
            $"CPU per run: bench {clientPerRun:0} ms, server {(serverPerRun is { } v ? v.ToString("0", CultureInfo.InvariantCulture) + " ms" : "n/a")}; load average {Load()}"));
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Cpu(double? seconds) => seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:0.0} s") : "n/a (server not local)";

    /// <summary>
    /// What the row trigger (Migrations/Postgres/0007_analytics.sql) would have written for each loaded event into the
    /// table the month's query reads, in one statement: the same rows (standing, dated events; marsad_facts of the
    /// payload) and the longest span; in the order of the table's key, as CLUSTER would leave it, so that a month's
    /// rows sit on neighbouring pages (row-by-row writes leave them in writing order). event_month_totals (running totals, not part of this query) is left empty.
    /// </summary>
    internal static async Task<long> FillAnalyticsAsync(NpgsqlConnection db, bool inCallersTransaction = false)
    {
        // Emptied in the same transaction as the load above, for the same reason (no WAL per row under wal_level=minimal).
        // A caller that loads inside its own transaction (web-load's table) fills inside it too, and vacuums after its commit.
        await using var fill = inCallersTransaction ? null : await db.BeginTransactionAsync();
        await RunAsync(db, "TRUNCATE event_facts");
        await RunAsync(db, """
            INSERT INTO event_facts (date_start, id, date_end, status, event_type, sub_event_type, actor1, actor2, admin1, admin2, grade, facts)
            SELECT date_start, id, date_end, status, event_type, sub_event_type, actor1, actor2, admin1, admin2, grade, marsad_facts(payload)
            FROM events WHERE merged_into IS NULL AND status <> 'rejected' AND date_start <> ''
            ORDER BY date_start, id
            """);
        if (fill is not null)
        {
            await fill.CommitAsync();
        }

        await RunAsync(db, "UPDATE event_span_limit SET max_days = (SELECT COALESCE(MAX(marsad_days(date_start, date_end)), 0)::bigint FROM events WHERE date_start <> '') WHERE id = 1");
        // As autovacuum would leave it on a server: visibility map and hint bits set, so warm reads write nothing.
        if (!inCallersTransaction)
        {
            await RunAsync(db, "VACUUM (ANALYZE) event_facts");
        }

        return await ScalarAsync(db, "SELECT COUNT(*) FROM event_facts");
    }

    private static async Task<List<string>> SettingsAsync(NpgsqlConnection db)
    {
        var list = new List<string> { "PostgreSQL " + await TextAsync(db, "SHOW server_version") };
        list.Add("PostGIS " + (await TextAsync(db, "SELECT COALESCE((SELECT extversion FROM pg_extension WHERE extname = 'postgis'), 'absent')")));
        foreach (var setting in new[] { "shared_buffers", "work_mem", "maintenance_work_mem", "max_wal_size", "checkpoint_timeout", "wal_level", "fsync", "synchronous_commit", "full_page_writes", "max_parallel_maintenance_workers", "max_parallel_workers_per_gather", "jit" })
        {
            var value = await TextAsync(db, "SHOW " + setting);
            list.Add(setting + "=" + value);
        }

        list.Add($"cores={Environment.ProcessorCount}");
        return list;
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await RunAsync(db, sql);
    }

    private static async Task RunAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<string> TextAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }

    private static async Task<List<(string Name, string Definition)>> ListAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            list.Add((reader.GetString(0), reader.GetString(1)));
        }

        return list;
    }
}
