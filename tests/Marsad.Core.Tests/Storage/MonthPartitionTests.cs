using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Npgsql;

namespace Marsad.Core.Tests.Storage;

/// <summary>
/// PostgreSQL's events and revisions partitioned by month once a team asks (<c>marsad db partition</c>,
/// Postgres/0052_month_partitions.sql): each row lies in its month's partition, made by the writer that first needs
/// it; a new date moves the row; ids and sequence numbers stay unique across partitions; a database with rows is
/// partitioned with all of them. Skipped without a PostgreSQL test server.
/// </summary>
public sealed class MonthPartitionTests
{
    private static readonly ChangeContext Coder = new("coder");

    [Fact]
    public async Task Events_and_revisions_lie_in_their_months_partitions_made_by_the_writes()
    {
        using var folder = new TempFolder();
        var target = TestDatabases.Target(DatabaseProvider.PostgreSql, folder);
        var store = await PartitionedAsync(target, FixedClock.At(2021, 1, 23));
        Assert.Equal(["events", "revisions"], Rows(target, "SELECT partrelid::regclass::text FROM pg_partitioned_table ORDER BY 1"));

        var june = await store.Records.AddAsync(Event(new DateOnly(2019, 6, 30)), Coder);
        var july = await store.Records.AddAsync(Event(new DateOnly(2019, 7, 1)), Coder);
        var undated = await store.Records.AddAsync(Event(new DateOnly(2019, 7, 2)) with { Date = DateSpan.Unresolved }, Coder);
        // An import's bulk path, with a month none of the writes before met.
        await store.Records.UpsertManyAsync(new[] { Event(new DateOnly(2024, 2, 29)), Event(new DateOnly(2019, 6, 1)) }.ToAsyncEnumerable(), (incoming, _) => incoming, null, Coder);

        Assert.Equal("events_2019_06", PartitionOf(target, june.Value.Id));
        Assert.Equal("events_2019_07", PartitionOf(target, july.Value.Id));
        Assert.Equal("events_undated", PartitionOf(target, undated.Value.Id));
        Assert.Equal(["events_2019_06|2", "events_2019_07|1", "events_2024_02|1", "events_undated|1"], Rows(target, "SELECT tableoid::regclass::text, COUNT(*) FROM events GROUP BY 1 ORDER BY 1"));
        Assert.Equal(["revisions_2021_01|5"], Rows(target, "SELECT tableoid::regclass::text, COUNT(*) FROM revisions GROUP BY 1 ORDER BY 1"));
        Assert.Equal(0, TestDatabases.Scalar(target, "SELECT (SELECT COUNT(*) FROM events_default) + (SELECT COUNT(*) FROM revisions_default)"));
        // A month's query reads that month's partition alone.
        Assert.DoesNotContain("events_2019_07", Rows(target, "EXPLAIN SELECT id FROM events WHERE date_start >= '2019-06-01' AND date_start < '2019-07-01'").Aggregate("", (a, b) => a + b), StringComparison.Ordinal);
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task A_new_date_moves_the_event_to_its_new_months_partition_and_its_counts_with_it()
    {
        using var folder = new TempFolder();
        var target = TestDatabases.Target(DatabaseProvider.PostgreSql, folder);
        var store = await PartitionedAsync(target, FixedClock.At(2021, 1, 23));
        var stored = await store.Records.AddAsync(Event(new DateOnly(2020, 3, 14)), Coder);

        var moved = await store.Records.UpdateAsync(stored.Value with { Date = DateSpan.OnDay(new DateOnly(2020, 11, 2)) }, stored.Version, Coder);
        Assert.Equal("events_2020_11", PartitionOf(target, stored.Value.Id));
        Assert.Equal(["2020-11|1"], Rows(target, "SELECT month, SUM(events) FROM event_month_totals WHERE actor = '' AND admin1 = '' GROUP BY month HAVING SUM(events) <> 0"));
        Assert.Equal(["2020-11-02"], Rows(target, "SELECT date_start FROM event_facts"));

        var undated = await store.Records.UpdateAsync(moved.Value with { Date = DateSpan.Unresolved }, moved.Version, Coder);
        Assert.Equal("events_undated", PartitionOf(target, stored.Value.Id));
        Assert.Empty(Rows(target, "SELECT date_start FROM event_facts"));

        await store.Records.UpdateAsync(undated.Value with { Date = DateSpan.OnDay(new DateOnly(2020, 3, 15)) }, undated.Version, Coder);
        Assert.Equal("events_2020_03", PartitionOf(target, stored.Value.Id));
        Assert.Equal([stored.Value.Id.ToString("D")], Rows(target, "SELECT id FROM event_ids"));
        Assert.Equal(4, (await store.Audit.VerifyAsync()).Checked);
    }

    [Fact]
    public async Task An_id_or_a_sequence_number_stays_unique_across_partitions()
    {
        using var folder = new TempFolder();
        var target = TestDatabases.Target(DatabaseProvider.PostgreSql, folder);
        var store = await PartitionedAsync(target, FixedClock.At(2021, 1, 23));
        var stored = await store.Records.AddAsync(Event(new DateOnly(2020, 3, 14)), Coder);
        var id = stored.Value.Id.ToString("D");

        // The same id in another month, past Marsad: the primary key (id, date_start) alone would let it in.
        var again = Assert.Throws<PostgresException>(() => TestDatabases.Execute(target, $"""
            INSERT INTO events (id, version, status, event_type, sub_event_type, date_start, date_end, payload, updated_at)
            SELECT id, version, status, event_type, sub_event_type, '2020-04-01', '2020-04-01', payload, updated_at FROM events WHERE id = '{id}'
            """));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, again.SqlState);
        var renamed = Assert.Throws<PostgresException>(() => TestDatabases.Execute(target, $"UPDATE events SET id = 'another' WHERE id = '{id}'"));
        Assert.Contains("cannot change", renamed.MessageText, StringComparison.Ordinal);
        var seq = Assert.Throws<PostgresException>(() => TestDatabases.Execute(target, "INSERT INTO revisions SELECT seq, entity_type, entity_id, action, author, '2020-01-01T00:00:00+00:00', reason, changes, state_sha256, prev_hash, hash FROM revisions WHERE seq = 1"));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, seq.SqlState);

        // A copy run again skips the rows it copied (ON CONFLICT DO NOTHING on the partitions' keys); a delete frees the id.
        Assert.Equal(0, TestDatabases.Execute(target, $"INSERT INTO events (id, version, status, event_type, sub_event_type, date_start, date_end, payload, updated_at) SELECT id, version, status, event_type, sub_event_type, date_start, date_end, payload, updated_at FROM events WHERE id = '{id}' ON CONFLICT DO NOTHING"));
        TestDatabases.Execute(target, $"DELETE FROM events WHERE id = '{id}'");
        Assert.Equal(0, TestDatabases.Scalar(target, "SELECT COUNT(*) FROM event_ids"));
        Assert.Equal(TestDatabases.Scalar(target, "SELECT COUNT(*) FROM revisions"), TestDatabases.Scalar(target, "SELECT COUNT(*) FROM revision_seqs"));
    }

    [Fact]
    public async Task A_database_is_not_partitioned_until_the_team_asks_and_sqlite_says_it_has_no_partitions()
    {
        using var folder = new TempFolder();
        var target = TestDatabases.Target(DatabaseProvider.PostgreSql, folder);
        var store = await MarsadStorage.OpenAsync(target, FixedClock.At(2021, 1, 23));
        await store.Records.AddAsync(Event(new DateOnly(2019, 6, 30)), Coder);
        Assert.Empty(Rows(target, "SELECT partrelid::regclass::text FROM pg_partitioned_table"));
        Assert.Equal(["events|1"], Rows(target, "SELECT tableoid::regclass::text, COUNT(*) FROM events GROUP BY 1"));

        var sqlite = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, folder.File("one.db")), FixedClock.At(2021, 1, 23));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => MonthPartitions.PartitionAsync(sqlite));
        Assert.Contains("needs PostgreSQL", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_with_records_is_partitioned_with_every_row_and_its_chain_still_verifies()
    {
        using var folder = new TempFolder();
        var target = TestDatabases.Target(DatabaseProvider.PostgreSql, folder);

        // Written before partitioning, over several months and without a date; revisions in two months.
        var before = await MarsadStorage.OpenAsync(target, FixedClock.At(2020, 12, 31));
        var events = new List<ConflictEvent>();
        foreach (var date in new[] { new DateOnly(2018, 1, 5), new DateOnly(2018, 1, 6), new DateOnly(2019, 12, 31), new DateOnly(2020, 2, 1) })
        {
            events.Add((await before.Records.AddAsync(Event(date), Coder)).Value);
        }

        events.Add((await before.Records.AddAsync(Event(new DateOnly(2020, 2, 2)) with { Date = DateSpan.Unresolved }, Coder)).Value);
        var later = await MarsadStorage.OpenAsync(target, FixedClock.At(2021, 1, 2));
        var edited = (await later.Records.GetAsync<ConflictEvent>(events[0].Id))!;
        await later.Records.UpdateAsync(edited.Value with { Actor1 = "Islamic State (Syria)" }, edited.Version, Coder);
        Assert.Empty(Rows(target, "SELECT partrelid::regclass::text FROM pg_partitioned_table"));
        const string Everything = "SELECT id, row_order, version, status, date_start, date_end, payload FROM events ORDER BY id";
        const string Chain = "SELECT seq, at, hash FROM revisions ORDER BY seq";
        const string Totals = "SELECT * FROM event_month_totals WHERE events <> 0 ORDER BY actor, admin1, reviewed, month";
        var (rows, chain, totals) = (Rows(target, Everything), Rows(target, Chain), Rows(target, Totals));

        var migrated = await MarsadStorage.OpenAsync(target, FixedClock.At(2021, 1, 3));
        var result = await MonthPartitions.PartitionAsync(migrated);
        Assert.True(result.Changed);
        Assert.False((await MonthPartitions.PartitionAsync(migrated)).Changed);
        Assert.Equal(["events", "revisions"], Rows(target, "SELECT partrelid::regclass::text FROM pg_partitioned_table ORDER BY 1"));
        Assert.Equal(rows, Rows(target, Everything));
        Assert.Equal(chain, Rows(target, Chain));
        Assert.Equal(totals, Rows(target, Totals));
        Assert.Equal(["events_2018_01|2", "events_2019_12|1", "events_2020_02|1", "events_undated|1"], Rows(target, "SELECT tableoid::regclass::text, COUNT(*) FROM events GROUP BY 1 ORDER BY 1"));
        Assert.Equal(["revisions_2020_12|5", "revisions_2021_01|1"], Rows(target, "SELECT tableoid::regclass::text, COUNT(*) FROM revisions GROUP BY 1 ORDER BY 1"));
        Assert.Equal(5, TestDatabases.Scalar(target, "SELECT COUNT(*) FROM event_ids"));
        Assert.True((await migrated.Audit.VerifyAsync()).Ok);

        // Written after: the identity goes on past the rows moved in, and a new month has its partition.
        var next = await migrated.Records.AddAsync(Event(new DateOnly(2021, 1, 2)), Coder);
        Assert.Equal(6, TestDatabases.Scalar(target, $"SELECT row_order FROM events WHERE id = '{next.Value.Id:D}'"));
        Assert.Equal("events_2021_01", PartitionOf(target, next.Value.Id));
        Assert.True((await migrated.Audit.VerifyAsync()).Ok);
    }

    /// <summary>A new migrated database, partitioned as <c>marsad db partition</c> does it.</summary>
    private static async Task<IMarsadStore> PartitionedAsync(DatabaseTarget target, TimeProvider clock)
    {
        var store = await MarsadStorage.OpenAsync(target, clock);
        Assert.True((await MonthPartitions.PartitionAsync(store)).Changed);
        return store;
    }

    private static ConflictEvent Event(DateOnly day) => new()
    {
        Id = Guid.NewGuid(),
        SubEventType = AcledSubEventType.ArmedClash,
        Date = DateSpan.OnDay(day),
        Actor1 = "Military Forces of Syria (2000-)",
        Location = new Location("a village", null, "Hama", null, null, null, null),
        Quantities = Quantities.Empty.With(Quantities.Names.Fatalities, Quantity.Exactly(1)),
        Status = EventStatus.Reviewed,
    };

    private static string PartitionOf(DatabaseTarget target, Guid id) =>
        Rows(target, $"SELECT tableoid::regclass::text FROM events WHERE id = '{id:D}'").Single();

    private static void Run(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static List<string> Rows(DatabaseTarget target, string sql) => TestDatabases.Rows(target, sql);
}
