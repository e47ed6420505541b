using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Marsad.Core.Audit;
using Marsad.Core.Storage;
using Marsad.Core.Storage.Json;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Marsad.Bench.Web;

/// <summary>
/// Fills a migrated SQLite or PostgreSQL database with generated events straight through SQL (the record store would write
/// a revision per event, which is not what these benchmarks measure): valid payloads, the same filter columns,
/// one source and document per 100 events. Seeded, so every run reads the same table.
/// </summary>
internal static class EventTable
{
    public static readonly string[] Governorates = ["Aleppo", "Idleb", "Hama", "Homs", "Damascus", "Rural Damascus", "Dar'a", "Deir-ez-Zor", "Ar-Raqqa", "Al-Hasakeh", "Lattakia", "Tartous", "As-Sweida", "Quneitra"];
    public static readonly string[] Actors = ["Military Forces of Syria (2000-)", "Hayat Tahrir al-Sham", "QSD: Syrian Democratic Forces", "Islamic State (Syria)", "Syrian National Army", "Civilians (Syria)"];
    public static readonly DateOnly First = new(2017, 1, 1);

    public static async Task<IMarsadStore> CreateAsync(string folder, int count) =>
        await CreateAsync(new DatabaseTarget(DatabaseProvider.Sqlite, Path.Combine(folder, "bench.db")), count, 0);

    /// <summary>
    /// The table in the SQLite file at <paramref name="path"/>. With <paramref name="exchange"/> the events look like a
    /// working database's for the exports: a third imported from ACLED and a tenth from UCDP (an origin with the row's
    /// kept columns, as an import stores them), the rest extracted with evidence spans.
    /// </summary>
    public static Task<IMarsadStore> CreateAsync(string path, int count, bool exchange) =>
        CreateAsync(new DatabaseTarget(DatabaseProvider.Sqlite, path), count, 0, exchange);

    /// <summary>
    /// The table on either database; the last <paramref name="proposals"/> events are left unreviewed (status
    /// extracted), for a bench to decide through the review API while it reads.
    /// </summary>
    public static async Task<IMarsadStore> CreateAsync(DatabaseTarget target, int count, int proposals, bool exchange = false)
    {
        var store = await MarsadStorage.OpenAsync(target, TimeProvider.System);
        var random = new Random(8);
        await using DbConnection connection = target.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection($"Data Source={target.Value}")
            // No command timeout: the COPY's end waits for the server to have run every row's triggers.
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Core.Storage.Postgres.PostgresDialect.ToConnectionString(target.Value)) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var documents = new Guid[(count + 99) / 100];
        for (var d = 0; d < documents.Length; d++)
        {
            documents[d] = await AddDocumentAsync(connection, tx, d * 100);
        }

        var rows = Generate(count, proposals, exchange, random, documents);

        if (connection is NpgsqlConnection postgres)
        {
            // As pg-scale loads: the row triggers (analytics, the text-search queue) off during the COPY and their
            // tables filled set-wise after it; with them on, the COPY ran a plpgsql function and several upserts per
            // row and took minutes. event_month_totals (the report's running totals) stays empty, as in pg-scale:
            // nothing this table serves reads it.
            await ExecuteAsync(postgres, "ALTER TABLE events DISABLE TRIGGER events_analytics; ALTER TABLE events DISABLE TRIGGER events_text_queue");
            await CopyAsync(postgres, rows, documents);
            await Storage.PostgresScale.FillAnalyticsAsync(postgres, inCallersTransaction: true);
            await ExecuteAsync(postgres, """
                INSERT INTO event_text_pending (event_id) SELECT id FROM events ON CONFLICT DO NOTHING;
                ALTER TABLE events ENABLE TRIGGER events_analytics; ALTER TABLE events ENABLE TRIGGER events_text_queue
                """);
        }
        else
        {
            await InsertAsync(connection, tx, rows, documents);
        }

        await tx.CommitAsync();
        await using (var analyze = connection.CreateCommand())
        {
            // Checkpointed: readers then find every page in the database file, not in a write-ahead log as large as it.
            analyze.CommandText = target.Provider == DatabaseProvider.Sqlite ? "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);" : "ANALYZE";
            await analyze.ExecuteNonQueryAsync();
        }

        return store;
    }

    /// <summary>An event's row: its column values in <see cref="Columns"/>' order.</summary>
    private sealed record Row(object?[] Values);

    private static readonly string[] Columns =
        ["id", "version", "status", "event_type", "sub_event_type", "date_start", "date_end", "actor1", "actor2", "admin1", "admin2", "admin3", "latitude", "longitude", "fatalities", "grade", "payload", "updated_at"];

    /// <summary>The events, seeded; event i cites document i / 100.</summary>
    private static IEnumerable<Row> Generate(int count, int proposals, bool exchange, Random random, Guid[] documents)
    {
        var days = new DateOnly(2024, 12, 31).DayNumber - First.DayNumber;
        for (var i = 0; i < count; i++)
        {
            var start = First.AddDays(random.Next(days));
            var sub = AcledSubEventType.All[random.Next(AcledSubEventType.All.Count)];
            var admin1 = Governorates[random.Next(Governorates.Length)];
            var published = random.NextDouble() < 0.8;
            var proposal = i >= count - proposals;
            var e = new ConflictEvent
            {
                Id = Guid.CreateVersion7(),
                SubEventType = sub,
                Date = new DateSpan(start, start, TimePrecision.Day),
                Actor1 = Actors[random.Next(Actors.Length)],
                Actor2 = Actors[random.Next(Actors.Length)],
                Location = new Location("Place " + random.Next(2000).ToString(CultureInfo.InvariantCulture), null, admin1, admin1, null,
                    new GeoPoint(32.5 + random.NextDouble() * 4.5, 35.8 + random.NextDouble() * 6.3), GeoPrecision.Place),
                Quantities = new Quantities([new(Quantities.Names.Fatalities, Quantity.Exactly(random.Next(12)))]),
                Summary = "Generated event " + i.ToString(CultureInfo.InvariantCulture) + " for the web benchmarks.",
                Status = proposal ? EventStatus.Extracted : published ? EventStatus.Published : EventStatus.Reviewed,
                Grade = proposal ? null : Grade.Weak,
                DocumentIds = [documents[i / 100]],
            };
            if (exchange)
            {
                e = WithProvenance(e, i, random);
            }

            yield return new Row([
                e.Id.ToString("D"), 1L, Name(e.Status), e.EventType.Label, sub.Label, Iso(start), Iso(start), e.Actor1, e.Actor2, admin1, admin1, null,
                e.Location!.Point!.Latitude, e.Location.Point.Longitude, (long?)e.Quantities[Quantities.Names.Fatalities].Best, e.Grade is { } g ? Name(g) : null,
                JsonSerializer.Serialize(e, MarsadJson.Options), RevisionHasher.FormatTime(DateTimeOffset.UnixEpoch.AddSeconds(i))]);
        }
    }

    /// <summary>Row by row, through one prepared insert each for the events and their document links.</summary>
    private static async Task InsertAsync(DbConnection connection, DbTransaction tx, IEnumerable<Row> rows, Guid[] documents)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"INSERT INTO events ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";
        foreach (var column in Columns)
        {
            insert.AddParameter("@" + column, DBNull.Value);
        }

        await using var link = connection.CreateCommand();
        link.Transaction = tx;
        link.CommandText = "INSERT INTO record_documents (record_kind, record_id, document_id) VALUES ('event', @id, @doc)";
        link.AddParameter("@id", DBNull.Value).AddParameter("@doc", DBNull.Value);
        var i = 0;
        foreach (var row in rows)
        {
            var document = documents[i++ / 100];
            for (var c = 0; c < Columns.Length; c++)
            {
                insert.Parameters[c].Value = row.Values[c] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync();
            Set(link, "@id", row.Values[0]);
            Set(link, "@doc", document.ToString("D"));
            await link.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// PostgreSQL: binary COPY of the events and then of their document links, in the fill's transaction, instead of a
    /// network round trip per row.
    /// </summary>
    private static async Task CopyAsync(NpgsqlConnection connection, IEnumerable<Row> rows, Guid[] documents)
    {
        var links = new List<(string Event, string Document)>();
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY events ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)"))
        {
            var i = 0;
            foreach (var row in rows)
            {
                var document = documents[i++ / 100];
                await copy.StartRowAsync();
                for (var c = 0; c < Columns.Length; c++)
                {
                    switch (row.Values[c])
                    {
                        case null:
                            await copy.WriteNullAsync();
                            break;
                        case string text:
                            await copy.WriteAsync(text, NpgsqlTypes.NpgsqlDbType.Text);
                            break;
                        case long number:
                            await copy.WriteAsync(number, NpgsqlTypes.NpgsqlDbType.Bigint);
                            break;
                        case double number:
                            await copy.WriteAsync(number, NpgsqlTypes.NpgsqlDbType.Double);
                            break;
                        default:
                            throw new InvalidOperationException($"column {Columns[c]}: no COPY type for {row.Values[c]!.GetType().Name}");
                    }
                }

                links.Add(((string)row.Values[0]!, document.ToString("D")));
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY record_documents (record_kind, record_id, document_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, document) in links)
            {
                await copy.WriteRowAsync(default, "event", id, document);
            }

            await copy.CompleteAsync();
        }
    }

    private static ConflictEvent WithProvenance(ConflictEvent e, int index, Random random)
    {
        var row = index.ToString(CultureInfo.InvariantCulture);
        if (index % 3 == 0)
        {
            string[] inter = ["State forces", "Rebel group", "Political militia", "Civilians"];
            var (inter1, inter2) = (inter[random.Next(inter.Length)], inter[random.Next(inter.Length)]);
            var stamp = (1_700_000_000 + index).ToString(CultureInfo.InvariantCulture);
            return e with
            {
                Origin = new EventOrigin
                {
                    Dataset = "acled", Id = "SYR" + row, Version = stamp,
                    Fields = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
                    {
                        ["event_id_cnty"] = "SYR" + row, ["inter1"] = inter1, ["inter2"] = inter2, ["interaction"] = inter1 + "-" + inter2,
                        ["source_scale"] = "National", ["timestamp"] = stamp, ["event_date"] = e.Date.Start.ToString("dd MMMM yyyy", CultureInfo.InvariantCulture),
                    }),
                },
            };
        }

        if (index % 10 == 1)
        {
            return e with
            {
                Origin = new EventOrigin
                {
                    Dataset = "ucdp", Id = row,
                    Fields = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
                    {
                        ["id"] = row, ["active_year"] = "1", ["conflict_new_id"] = "299", ["conflict_name"] = "Syria: Government",
                        ["priogrid_gid"] = (150_000 + random.Next(2000)).ToString(CultureInfo.InvariantCulture), ["source_article"] = "Generated wire " + row,
                    }),
                },
            };
        }

        var summary = e.Summary!.Length;
        return e with
        {
            Evidence = new Evidence([new("actor1", new TextSpan(0, 9)), new("date", new TextSpan(10, 20)), new("location", new TextSpan(21, 30)), new("fatalities", new TextSpan(31, summary))]),
            Confidence = 0.5 + random.NextDouble() / 2,
        };
    }

    private static async Task<Guid> AddDocumentAsync(DbConnection connection, DbTransaction tx, int index)
    {
        var id = Guid.CreateVersion7();
        var source = Guid.CreateVersion7();
        var name = "Bench outlet " + index.ToString(CultureInfo.InvariantCulture);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = "INSERT INTO sources (id, name, name_key, kind, confidential, created_at) VALUES (@s, @name, @key, 'outlet', @conf, '2024-01-01')";
            command.AddParameter("@s", source.ToString("D")).AddParameter("@name", name).AddParameter("@key", name.ToUpperInvariant()).AddParameter("@conf", index % 700 == 0 ? 1 : 0);
            await command.ExecuteNonQueryAsync();
        }

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = """
                INSERT INTO documents (id, text_sha256, original_sha256, source_id, language, media_type, origin, received_at, clean_text, original)
                VALUES (@d, @sha, @sha, @s, 'en', 'text/plain', 'bench', '2024-01-01', 'bench', @original)
                """;
            command.AddParameter("@d", id.ToString("D")).AddParameter("@sha", id.ToString("N")).AddParameter("@s", source.ToString("D")).AddParameter("@original", new byte[] { 0 });
            await command.ExecuteNonQueryAsync();
        }

        return id;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void Set(DbCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Name<T>(T value) => JsonSerializer.Serialize(value, MarsadJson.Options).Trim('"');
}
