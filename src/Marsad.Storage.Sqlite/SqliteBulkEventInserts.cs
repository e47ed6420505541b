using System.Data.Common;

namespace Marsad.Core.Storage.Sqlite;

/// <summary>
/// A bulk insert of events in one write transaction without the per-row analytics triggers of migrations 7 and 11
/// (events_totals_insert, events_span_insert) and the text search queue's (event_text_queue_insert, migration 30).
/// Run once per event, the analytics bodies cost about nine times the insert itself (a dozen json_extract calls and up
/// to six upserts each), and the queue's one-row upsert into a table keyed by random ids nearly doubled the insert
/// (0.69 against 0.39 CPU seconds for 23,348 events): an import of 23,000 rows spent most of its time there.
/// They are dropped inside the transaction (SQLite's DDL is transactional: a rollback or a killed process brings them
/// back), the rows inserted since the last <see cref="ApplyAsync"/> are added to event_facts, event_month_totals,
/// event_span_limit and event_text_pending set-based, by the same rules, and <see cref="FinishAsync"/> applies what
/// is left and creates the triggers (and any indexes dropped) again from their stored SQL, before the transaction commits. Should the work fail
/// before <see cref="FinishAsync"/>, the rollback restores the triggers and discards the rows alike.
/// Updates keep their triggers, which take an event's old state away: the caller applies pending inserts before
/// updating, so no update ever sees an inserted event the totals do not yet hold.
/// </summary>
internal sealed class SqliteBulkEventInserts : IBulkEventInserts
{
    private static readonly string[] Triggers = ["event_text_queue_insert", "events_span_insert", "events_totals_insert"];

    private readonly WriteSession _session;
    private readonly List<string> _definitions;
    private long _appliedThrough;
    private bool _pending;

    /// <summary>Whether every facts row is one this import inserted (none stood before, none applied yet): see <see cref="ApplyAsync"/>.</summary>
    private bool _factsAllNew;

    private SqliteBulkEventInserts(WriteSession session, List<string> definitions, long appliedThrough, bool factsEmpty)
    {
        _session = session;
        _definitions = definitions;
        _appliedThrough = appliedThrough;
        _factsAllNew = factsEmpty;
    }

    /// <summary>
    /// Drops the insert triggers, or returns null when the schema does not have exactly those (the rows then go through
    /// them). Into an empty events table (a new database's first import) it drops the table's own indexes as well:
    /// each is built once at <see cref="FinishAsync"/> from the sorted rows, instead of growing by a random insert per row
    /// (eleven indexes, a third of the import's write time). The table's key stays: duplicate ids are still found.
    /// </summary>
    public static async Task<SqliteBulkEventInserts?> BeginAsync(WriteSession session, CancellationToken cancellationToken)
    {
        var definitions = new List<string>();
        var read = session.Command("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events' AND name IN ('event_text_queue_insert', 'events_span_insert', 'events_totals_insert') ORDER BY name");
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                definitions.Add(reader.GetString(0));
            }
        }

        if (definitions.Count != Triggers.Length)
        {
            return null;
        }

        long last;
        await using (var max = Sql(session, "SELECT COALESCE(MAX(rowid), 0) FROM events"))
        {
            last = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var trigger in Triggers)
        {
            await using var drop = Sql(session, $"DROP TRIGGER {trigger}");
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        var factsEmpty = false;
        if (last == 0)
        {
            await using (var facts = Sql(session, "SELECT NOT EXISTS (SELECT 1 FROM event_facts)"))
            {
                factsEmpty = Convert.ToInt64(await facts.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
            }

            // Named indexes only (sql not null): the primary key's own index cannot be dropped and is needed.
            var indexes = new List<(string Name, string Sql)>();
            await using (var list = Sql(session, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL ORDER BY name"))
            await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    indexes.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var (name, sql) in indexes)
            {
                await using var drop = Sql(session, $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
                await drop.ExecuteNonQueryAsync(cancellationToken);
                definitions.Add(sql);
            }
        }

        return new SqliteBulkEventInserts(session, definitions, last, factsEmpty);
    }

    // The rows are found by rowid (see ApplyAsync): the id is not needed.
    public void Inserted(Guid id) => _pending = true;

    /// <summary>
    /// Adds the events inserted since the last call to the analytics tables. New rows take rowids above every
    /// existing one (SQLite gives max(rowid) + 1), so "rowid above the last applied" is exactly the rows inserted since.
    /// </summary>
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        if (!_pending)
        {
            return;
        }

        long through;
        await using (var max = Sql(_session, "SELECT COALESCE(MAX(rowid), 0) FROM events"))
        {
            through = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        // The trigger's rules (0011_undated_events.sql), set-based: rejected or merged-away events count nowhere,
        // undated ones in no month; each event counts for every actor ('' = all; actor2 once when it is actor1 too)
        // crossed with every governorate ('' = all). Summed first per actor pair, governorate, review state and month
        // (sums add up), so the fan-out to six keys and its grouping run over those groups, not over every event.
        // The figures are read from the facts row just written (its first item is the payload's quantities, as
        // json_extract gives it), so each 1 KB payload is parsed once per import, not twice.
        const string Batch = "FROM events WHERE rowid > @from AND rowid <= @through";
        // In the facts table's key order: rows inserted in file order land all over its key (date, id), splitting pages
        // that stay half full (13.5 MB for the 23,348 ACLED battles rows, against 6.8 MB appended in order).
        await RunAsync($"""
            INSERT INTO event_facts
            SELECT date_start, id, date_end, status, event_type, sub_event_type, actor1, actor2, admin1, admin2, grade,
                   json_extract(payload, '$.quantities', '$.assoc_actor1', '$.assoc_actor2', '$.aggregate.incidents', '$.aggregate.dates')
            {Batch} AND merged_into IS NULL AND status <> 'rejected' AND date_start <> ''
            ORDER BY date_start, id
            """, through, cancellationToken);
        // The batch's facts rows: those of the events inserted since the last call, found through the events' rowids; on
        // a first import into an empty table, the whole facts table (it holds just what the statement above inserted, by
        // the same conditions), which spares reading back every event row (35 MB for the 23,348 ACLED battles rows)
        // and looking each one up.
        var batchFacts = _factsAllNew
            ? "event_facts e"
            : "events e CROSS JOIN event_facts x ON x.date_start = e.date_start AND x.id = e.id WHERE e.rowid > @from AND e.rowid <= @through AND e.merged_into IS NULL AND e.status <> 'rejected' AND e.date_start <> ''";
        var facts = _factsAllNew ? "e.facts" : "x.facts";
        await RunAsync($"""
            WITH f AS MATERIALIZED (
                SELECT e.actor1, e.actor2, e.admin1, e.status <> 'extracted' AS reviewed, substr(e.date_start, 1, 7) AS month, COUNT(*) AS n,
                       SUM(COALESCE(json_extract({facts}, '$[0].fatalities.low'), 0)) AS low,
                       SUM(COALESCE(json_extract({facts}, '$[0].fatalities.best'), json_extract({facts}, '$[0].fatalities.low'), 0)) AS best,
                       SUM(COALESCE(json_extract({facts}, '$[0].fatalities.high'), 0)) AS high,
                       SUM(json_extract({facts}, '$[0].fatalities') IS NOT NULL AND json_extract({facts}, '$[0].fatalities.high') IS NULL) AS open
                FROM {batchFacts}
                GROUP BY e.actor1, e.actor2, e.admin1, reviewed, month),
            k AS (
                SELECT '' AS actor, '' AS admin, * FROM f
                UNION ALL SELECT '', admin1, * FROM f WHERE admin1 <> ''
                UNION ALL SELECT actor1, '', * FROM f WHERE actor1 <> ''
                UNION ALL SELECT actor1, admin1, * FROM f WHERE actor1 <> '' AND admin1 <> ''
                UNION ALL SELECT actor2, '', * FROM f WHERE actor2 <> '' AND actor2 IS NOT actor1
                UNION ALL SELECT actor2, admin1, * FROM f WHERE actor2 <> '' AND actor2 IS NOT actor1 AND admin1 <> '')
            INSERT INTO event_month_totals (actor, admin1, reviewed, month, events, fatalities_low, fatalities_best, fatalities_high, fatalities_open)
            SELECT actor, admin, reviewed, month, SUM(n), SUM(low), SUM(best), SUM(high), SUM(open)
            FROM k WHERE true GROUP BY actor, admin, reviewed, month
            ON CONFLICT (actor, admin1, reviewed, month) DO UPDATE SET
                events = events + excluded.events,
                fatalities_low = fatalities_low + excluded.fatalities_low,
                fatalities_best = fatalities_best + excluded.fatalities_best,
                fatalities_high = fatalities_high + excluded.fatalities_high,
                fatalities_open = fatalities_open + excluded.fatalities_open
            """, through, cancellationToken);
        // Every inserted event, whatever its status (as the trigger); julianday('') is NULL, so undated ones are left out.
        await RunAsync($"""
            UPDATE event_span_limit SET max_days = MAX(max_days, COALESCE(
                (SELECT MAX(CAST(julianday(date_end) - julianday(date_start) AS INTEGER)) {Batch} AND date_start <> ''), max_days))
            WHERE id = 1
            """, through, cancellationToken);
        // The text search queue: every inserted event, in id order (the queue's key), so the inserts append.
        // Into a table that was empty, every row is the batch's: the ids then come in order from the table's key index,
        // without reading every event row back and sorting.
        var batchIds = _appliedThrough == 0 ? "FROM events" : Batch;
        await RunAsync($"INSERT INTO event_text_pending (event_id) SELECT id {batchIds} ORDER BY id ON CONFLICT DO NOTHING", through, cancellationToken);
        _appliedThrough = through;
        _pending = false;
        _factsAllNew = false;
    }

    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await ApplyAsync(cancellationToken);
        foreach (var definition in _definitions)
        {
            await using var create = Sql(_session, definition);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task RunAsync(string sql, long through, CancellationToken cancellationToken)
    {
        await using var command = Sql(_session, sql);
        command.AddParameter("@from", _appliedThrough).AddParameter("@through", through);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Not the session's cached commands: these run a few times per transaction, and DDL must not stay prepared.
    private static DbCommand Sql(WriteSession session, string sql) => session.Connection.Sql(session.Transaction, sql);
}
