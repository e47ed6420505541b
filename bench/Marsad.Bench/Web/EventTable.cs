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
            : new NpgsqlConnection(Core.Storage.Postgres.PostgresDialect.ToConnectionString(target.Value));
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO events (id, version, status, event_type, sub_event_type, date_start, date_end, actor1, actor2, admin1, admin2, admin3, latitude, longitude, fatalities, grade, payload, updated_at)
            VALUES (@id, 1, @status, @type, @sub, @start, @end, @a1, @a2, @adm1, @adm1, NULL, @lat, @lon, @f, @grade, @payload, @at)
            """;
        var link = connection.CreateCommand();
        link.Transaction = tx;
        link.CommandText = "INSERT INTO record_documents (record_kind, record_id, document_id) VALUES ('event', @id, @doc)";
        var names = new[] { "@id", "@status", "@type", "@sub", "@start", "@end", "@a1", "@a2", "@adm1", "@lat", "@lon", "@f", "@grade", "@payload", "@at" };
        foreach (var name in names)
        {
            insert.AddParameter(name, DBNull.Value);
        }

        link.AddParameter("@id", DBNull.Value).AddParameter("@doc", DBNull.Value);
        var document = Guid.Empty;
        var days = (new DateOnly(2024, 12, 31).DayNumber - First.DayNumber);
        for (var i = 0; i < count; i++)
        {
            if (i % 100 == 0)
            {
                document = await AddDocumentAsync(connection, tx, i);
            }

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
                DocumentIds = [document],
            };
            if (exchange)
            {
                e = WithProvenance(e, i, random);
            }

            Set(insert, "@id", e.Id.ToString("D"));
            Set(insert, "@status", Name(e.Status));
            Set(insert, "@type", e.EventType.Label);
            Set(insert, "@sub", sub.Label);
            Set(insert, "@start", Iso(start));
            Set(insert, "@end", Iso(start));
            Set(insert, "@a1", e.Actor1);
            Set(insert, "@a2", e.Actor2);
            Set(insert, "@adm1", admin1);
            Set(insert, "@lat", e.Location!.Point!.Latitude);
            Set(insert, "@lon", e.Location.Point.Longitude);
            Set(insert, "@f", (long?)e.Quantities[Quantities.Names.Fatalities].Best);
            Set(insert, "@grade", e.Grade is { } g ? Name(g) : null);
            Set(insert, "@payload", JsonSerializer.Serialize(e, MarsadJson.Options));
            Set(insert, "@at", RevisionHasher.FormatTime(DateTimeOffset.UnixEpoch.AddSeconds(i)));
            await insert.ExecuteNonQueryAsync();
            Set(link, "@id", e.Id.ToString("D"));
            Set(link, "@doc", document.ToString("D"));
            await link.ExecuteNonQueryAsync();
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

    private static void Set(DbCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Name<T>(T value) => JsonSerializer.Serialize(value, MarsadJson.Options).Trim('"');
}
