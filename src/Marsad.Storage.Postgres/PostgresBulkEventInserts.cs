using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Marsad.Core.Storage.Postgres;

/// <summary>
/// A bulk insert of events in one write transaction without the per-row plpgsql of the analytics and text search
/// triggers (events_analytics, events_text_queue): <c>SET LOCAL marsad.bulk = 'on'</c> makes both pass over inserts in
/// this transaction only (migration 50), the ids inserted since the last <see cref="ApplyAsync"/> are added to
/// event_facts, event_month_totals, event_span_limit and event_text_pending set-based by the triggers' own rules
/// (0007_analytics.sql, 0030_event_text_search.sql, 0051_event_facts_parsed_once.sql), and <see cref="FinishAsync"/> applies what is left and turns the
/// setting off before the transaction commits. Should the work fail first, the rollback discards the rows and the
/// setting alike. Updates and deletes keep their per-row path: the caller applies pending inserts before updating.
/// </summary>
internal sealed class PostgresBulkEventInserts : IBulkEventInserts
{
    private readonly WriteSession _session;
    private readonly List<string> _pending = [];

    private PostgresBulkEventInserts(WriteSession session) => _session = session;

    /// <summary>
    /// Sets the flag, or returns null when the schema's trigger functions do not read it or it lacks marsad_facts_of
    /// (a database before version 51: per row then).
    /// </summary>
    public static async Task<PostgresBulkEventInserts?> BeginAsync(WriteSession session, CancellationToken cancellationToken)
    {
        await using (var check = Sql(session, "SELECT COUNT(*) FROM pg_proc WHERE (proname IN ('marsad_events_analytics', 'marsad_event_text_queue') AND prosrc LIKE '%marsad.bulk%') OR proname = 'marsad_facts_of'"))
        {
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) != 3)
            {
                return null;
            }
        }

        await SetAsync(session, "on", cancellationToken);
        return new PostgresBulkEventInserts(session);
    }

    public void Inserted(Guid id) => _pending.Add(id.ToString("D"));

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        // One statement over the counted events, each payload parsed once (MATERIALIZED: inlined, the cast would run
        // again at every reference to it). The facts rows go in their key's order: the key's index grows at its end,
        // and a month's rows lie together (0045). The totals follow marsad_event_contribution's rules: the fatalities
        // object (a JSON null is none), figures rounded, best falling back to low; each event counts for every actor
        // ('' = all; actor2 once when it is actor1 too) crossed with every governorate ('' = all). Summed per actor
        // pair, governorate, review state and month first, then fanned out.
        await RunAsync("""
            WITH e AS MATERIALIZED (
                SELECT date_start, id, date_end, status, event_type, sub_event_type, actor1, actor2, admin1, admin2, grade, payload::jsonb AS p
                FROM events WHERE id = ANY(@ids) AND merged_into IS NULL AND status <> 'rejected' AND date_start <> ''),
            facts AS (
                INSERT INTO event_facts (date_start, id, date_end, status, event_type, sub_event_type, actor1, actor2, admin1, admin2, grade, facts)
                SELECT date_start, id, date_end, status, event_type, sub_event_type, actor1, actor2, admin1, admin2, grade, marsad_facts_of(p)
                FROM e ORDER BY date_start, id),
            c AS (
                SELECT actor1, actor2, admin1, CASE WHEN status <> 'extracted' THEN 1 ELSE 0 END AS reviewed, substr(date_start, 1, 7) AS month,
                       NULLIF(p #> ARRAY['quantities', 'fatalities'], 'null'::jsonb) AS q
                FROM e),
            f AS (
                SELECT actor1, actor2, admin1, reviewed, month, COUNT(*) AS n,
                       SUM(COALESCE(round((q ->> 'low')::numeric)::bigint, 0)) AS low,
                       SUM(COALESCE(round((q ->> 'best')::numeric)::bigint, round((q ->> 'low')::numeric)::bigint, 0)) AS best,
                       SUM(COALESCE(round((q ->> 'high')::numeric)::bigint, 0)) AS high,
                       SUM(CASE WHEN q IS NOT NULL AND q ->> 'high' IS NULL THEN 1 ELSE 0 END) AS open
                FROM c GROUP BY actor1, actor2, admin1, reviewed, month),
            k AS (
                SELECT ''::text AS actor, ''::text AS admin, * FROM f
                UNION ALL SELECT '', admin1, * FROM f WHERE admin1 <> ''
                UNION ALL SELECT actor1, '', * FROM f WHERE actor1 <> ''
                UNION ALL SELECT actor1, admin1, * FROM f WHERE actor1 <> '' AND admin1 <> ''
                UNION ALL SELECT actor2, '', * FROM f WHERE actor2 <> '' AND actor2 IS DISTINCT FROM actor1
                UNION ALL SELECT actor2, admin1, * FROM f WHERE actor2 <> '' AND actor2 IS DISTINCT FROM actor1 AND admin1 <> '')
            INSERT INTO event_month_totals AS t (actor, admin1, reviewed, month, events, fatalities_low, fatalities_best, fatalities_high, fatalities_open)
            SELECT actor, admin, reviewed, month, SUM(n)::bigint, SUM(low)::bigint, SUM(best)::bigint, SUM(high)::bigint, SUM(open)::bigint
            FROM k GROUP BY actor, admin, reviewed, month
            ON CONFLICT (actor, admin1, reviewed, month) DO UPDATE SET
                events = t.events + excluded.events,
                fatalities_low = t.fatalities_low + excluded.fatalities_low,
                fatalities_best = t.fatalities_best + excluded.fatalities_best,
                fatalities_high = t.fatalities_high + excluded.fatalities_high,
                fatalities_open = t.fatalities_open + excluded.fatalities_open
            """, cancellationToken);
        // Every inserted dated event, whatever its status (as the trigger): the longest span only grows.
        await RunAsync("""
            UPDATE event_span_limit SET max_days = x.days
            FROM (SELECT MAX(marsad_days(date_start, date_end))::bigint AS days FROM events WHERE id = ANY(@ids) AND date_start <> '') x
            WHERE id = 1 AND max_days < x.days
            """, cancellationToken);
        // Every inserted event is queued (as the trigger): the ids themselves, no need to find their rows.
        await RunAsync("INSERT INTO event_text_pending (event_id) SELECT id FROM unnest(@ids) AS i(id) ORDER BY id ON CONFLICT DO NOTHING", cancellationToken);
        _pending.Clear();
    }

    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        await ApplyAsync(cancellationToken);
        await SetAsync(_session, "off", cancellationToken);
    }

    private async Task RunAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Sql(_session, sql);
        var ids = new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = _pending.ToArray() };
        command.Parameters.Add(ids);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task SetAsync(WriteSession session, string value, CancellationToken cancellationToken)
    {
        await using var command = Sql(session, "SELECT set_config('marsad.bulk', @value, true)");
        command.Parameters.Add(new NpgsqlParameter("value", value));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Sql(WriteSession session, string sql) => session.Connection.Sql(session.Transaction, sql);
}
