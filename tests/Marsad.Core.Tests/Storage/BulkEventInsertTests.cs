using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Tests.Storage;

/// <summary>
/// A bulk upsert of events keeps the analytics tables (event_facts, event_month_totals, event_span_limit) and the text
/// search queue (event_text_pending) exactly as the per-row triggers would: the same events saved one at a time into another database give the same rows.
/// </summary>
public sealed class BulkEventInsertTests
{
    private static readonly ChangeContext Coder = new("coder");

    [Fact]
    public async Task A_bulk_upsert_leaves_the_analytics_tables_as_one_save_at_a_time_does()
    {
        var events = Events();
        using var bulkFolder = new TempFolder();
        using var rowFolder = new TempFolder();
        var bulk = await TestStore.OpenAsync(bulkFolder);
        var rows = await TestStore.OpenAsync(rowFolder);

        // Two events stored first, so the upsert both updates (through the triggers) and inserts (set-based).
        foreach (var store in new[] { bulk, rows })
        {
            await store.Records.AddAsync(events[0], Coder);
            await store.Records.AddAsync(events[1], Coder);
        }

        var changed0 = events[0] with { Status = EventStatus.Published, Actor2 = "Civilians (Syria)" };
        var changed1 = events[1] with { Status = EventStatus.Rejected };
        var counts = await bulk.Records.UpsertManyAsync(
            new[] { events[2], changed0, events[3], events[4], changed1 }.Concat(events.Skip(5)).ToAsyncEnumerable(),
            (incoming, _) => incoming, null, Coder);
        Assert.Equal((events.Count - 2, 2), (counts.Inserted, counts.Updated));

        await rows.Records.AddAsync(events[2], Coder);
        await rows.Records.UpdateAsync(changed0, 1, Coder);
        await rows.Records.AddAsync(events[3], Coder);
        await rows.Records.AddAsync(events[4], Coder);
        await rows.Records.UpdateAsync(changed1, 1, Coder);
        foreach (var e in events.Skip(5))
        {
            await rows.Records.AddAsync(e, Coder);
        }

        foreach (var sql in new[]
        {
            "SELECT * FROM event_facts ORDER BY date_start, id",
            "SELECT * FROM event_month_totals ORDER BY actor, admin1, reviewed, month",
            "SELECT * FROM event_span_limit",
            "SELECT event_id FROM event_text_pending ORDER BY event_id",
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
        })
        {
            var expected = Table(rowFolder, sql);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Table(bulkFolder, sql));
        }

        // A later single save still goes through the triggers, which are back.
        var late = events[5] with { Id = Guid.NewGuid(), Date = new DateSpan(new(2020, 1, 1), new(2020, 12, 31), TimePrecision.Month) };
        await bulk.Records.AddAsync(late, Coder);
        await rows.Records.AddAsync(late, Coder);
        Assert.Equal(Table(rowFolder, "SELECT * FROM event_month_totals ORDER BY 1, 2, 3, 4"), Table(bulkFolder, "SELECT * FROM event_month_totals ORDER BY 1, 2, 3, 4"));
        Assert.Equal(["365"], Table(bulkFolder, "SELECT max_days FROM event_span_limit"));
    }

    [Fact]
    public async Task A_bulk_upsert_into_an_empty_database_builds_its_indexes_again_and_matches_one_save_at_a_time()
    {
        var events = Events();
        using var bulkFolder = new TempFolder();
        using var rowFolder = new TempFolder();
        var bulk = await TestStore.OpenAsync(bulkFolder);
        var rows = await TestStore.OpenAsync(rowFolder);
        var schema = Table(bulkFolder, SchemaSql);

        // The same id twice in one upsert: the second is found by the table's key, which stays, and updates the first.
        var changed3 = events[3] with { Status = EventStatus.Rejected, Actor1 = "Hayat Tahrir al-Sham" };
        var counts = await bulk.Records.UpsertManyAsync(events.Append(changed3).ToAsyncEnumerable(), (incoming, _) => incoming, null, Coder);
        Assert.Equal((events.Count, 1), (counts.Inserted, counts.Updated));

        foreach (var e in events)
        {
            await rows.Records.AddAsync(e, Coder);
        }

        await rows.Records.UpdateAsync(changed3, 1, Coder);
        Assert.Equal(schema, Table(bulkFolder, SchemaSql));
        Assert.Equal(["ok"], Table(bulkFolder, "PRAGMA integrity_check"));
        foreach (var sql in new[]
        {
            "SELECT * FROM event_facts ORDER BY date_start, id",
            "SELECT * FROM event_month_totals ORDER BY actor, admin1, reviewed, month",
            "SELECT * FROM event_span_limit",
            "SELECT event_id FROM event_text_pending ORDER BY event_id",
            // Read through an index the import built: the rows it holds are the table's.
            "SELECT id, status FROM events INDEXED BY ix_events_status WHERE status = 'rejected' ORDER BY id",
        })
        {
            var expected = Table(rowFolder, sql);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Table(bulkFolder, sql));
        }

        Assert.True((await bulk.Audit.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task A_failed_bulk_upsert_into_an_empty_database_leaves_its_indexes_and_triggers()
    {
        var events = Events();
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var schema = Table(folder, SchemaSql);

        async IAsyncEnumerable<ConflictEvent> FailingHalfWay()
        {
            foreach (var e in events.Take(20))
            {
                yield return e;
            }

            await Task.Yield();
            throw new InvalidDataException("the file broke off");
        }

        await Assert.ThrowsAsync<InvalidDataException>(() => store.Records.UpsertManyAsync(FailingHalfWay(), (incoming, _) => incoming, null, Coder));
        Assert.Equal(schema, Table(folder, SchemaSql));
        Assert.Equal(["0"], Table(folder, "SELECT COUNT(*) FROM events"));
    }

    private const string SchemaSql = "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY type, name";

    /// <summary>Events covering each rule of the totals: statuses, merged, undated, actor2 equal to actor1 or absent, no governorate, open ceilings, long spans.</summary>
    private static List<ConflictEvent> Events()
    {
        var list = new List<ConflictEvent>();
        var statuses = new[] { EventStatus.Extracted, EventStatus.Reviewed, EventStatus.Published, EventStatus.Rejected };
        var actors = new[] { "Military Forces of Syria (2000-)", "Hayat Tahrir al-Sham", "Islamic State (Syria)" };
        for (var i = 0; i < 40; i++)
        {
            var start = new DateOnly(2021, 1 + (i % 5), 1 + (i % 28));
            var date = i == 7 || i == 23 ? DateSpan.Unresolved : new DateSpan(start, start.AddDays(i % 9 == 0 ? 40 : 0), i % 9 == 0 ? TimePrecision.Month : TimePrecision.Day);
            list.Add(new ConflictEvent
            {
                Id = Guid.NewGuid(),
                SubEventType = i % 2 == 0 ? AcledSubEventType.AirDroneStrike : AcledSubEventType.ArmedClash,
                Date = date,
                DateText = date == DateSpan.Unresolved ? "on Friday" : null,
                Actor1 = actors[i % 3],
                Actor2 = i % 4 == 0 ? actors[i % 3] : i % 4 == 1 ? null : actors[(i + 1) % 3],
                Location = new Location("somewhere", null, i % 6 == 0 ? null : i % 2 == 0 ? "Idleb" : "Aleppo", null, null, null, null),
                Quantities = i % 5 == 0 ? Quantities.Empty : Quantities.Empty.With(Quantities.Names.Fatalities, i % 3 == 0 ? Quantity.AtMost(i) : Quantity.Exactly(i)),
                Status = statuses[i % statuses.Length],
                MergedInto = i % 11 == 10 ? Guid.NewGuid() : null,
            });
        }

        return list;
    }

    private static List<string> Table(TempFolder folder, string sql) =>
        TestDatabases.Rows(new DatabaseTarget(DatabaseProvider.Sqlite, folder.File("marsad.db")), sql);
}
