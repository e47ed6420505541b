-- Marsad schema on PostgreSQL, version 7: what analytics reads without scanning every event (see Sqlite/0007 for
-- the tables' meaning). SQLite keeps them with seven triggers and an INSTEAD OF view; here one row trigger calls one
-- plpgsql function that takes an event's old contribution away and adds its new one, in the writer's transaction.

-- Days from date_start to date_end; NULL for an undated event (''). The dates are ISO (YYYY-MM-DD), which PostgreSQL
-- reads the same whatever DateStyle says, so the function is truly IMMUTABLE and may be indexed (see 0009).
CREATE FUNCTION marsad_days(date_start TEXT, date_end TEXT) RETURNS DOUBLE PRECISION
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (NULLIF(date_end, '')::date - NULLIF(date_start, '')::date)::double precision;

-- The payload fields analytics reads, as one JSON array: [quantities, assoc_actor1, assoc_actor2, aggregate
-- incidents, aggregate dates], a missing field as null (the shape SQLite's json_extract with five paths gives).
CREATE FUNCTION marsad_facts(payload TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (SELECT json_build_array(p -> 'quantities', p -> 'assoc_actor1', p -> 'assoc_actor2', p #> '{aggregate,incidents}', p #> '{aggregate,dates}')::text
        FROM (SELECT payload::jsonb AS p) x);

CREATE TABLE event_facts (
    date_start     TEXT NOT NULL,
    id             TEXT NOT NULL,
    date_end       TEXT NOT NULL,
    status         TEXT NOT NULL,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1         TEXT,
    actor2         TEXT,
    admin1         TEXT,
    admin2         TEXT,
    grade          TEXT,
    facts          TEXT NOT NULL,
    PRIMARY KEY (date_start, id)
);

CREATE TABLE event_month_totals (
    actor           TEXT NOT NULL,
    admin1          TEXT NOT NULL,
    reviewed        INTEGER NOT NULL,
    month           TEXT NOT NULL,
    events          BIGINT NOT NULL,
    fatalities_low  BIGINT NOT NULL,
    fatalities_best BIGINT NOT NULL,
    fatalities_high BIGINT NOT NULL,
    fatalities_open BIGINT NOT NULL,
    PRIMARY KEY (actor, admin1, reviewed, month)
);

CREATE TABLE event_span_limit (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    max_days BIGINT NOT NULL
);
INSERT INTO event_span_limit (id, max_days) VALUES (1, 0);

-- One event's contribution (sign 1 adds it, -1 takes it away). Rejected, merged-away and undated events count nowhere.
CREATE FUNCTION marsad_event_contribution(sign INTEGER, e events) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    q JSONB;
BEGIN
    IF e.merged_into IS NOT NULL OR e.status = 'rejected' OR e.date_start = '' THEN
        RETURN;
    END IF;
    IF sign < 0 THEN
        DELETE FROM event_facts WHERE date_start = e.date_start AND id = e.id;
    ELSE
        INSERT INTO event_facts (date_start, id, date_end, status, event_type, sub_event_type, actor1, actor2, admin1, admin2, grade, facts)
        VALUES (e.date_start, e.id, e.date_end, e.status, e.event_type, e.sub_event_type, e.actor1, e.actor2, e.admin1, e.admin2, e.grade, marsad_facts(e.payload));
    END IF;
    q := e.payload::jsonb #> '{quantities,fatalities}';
    IF q IS NOT NULL AND jsonb_typeof(q) = 'null' THEN
        q := NULL;
    END IF;
    INSERT INTO event_month_totals AS t (actor, admin1, reviewed, month, events, fatalities_low, fatalities_best, fatalities_high, fatalities_open)
    SELECT a.k, g.k, CASE WHEN e.status <> 'extracted' THEN 1 ELSE 0 END, substr(e.date_start, 1, 7), sign,
           sign * COALESCE(round((q ->> 'low')::numeric)::bigint, 0),
           sign * COALESCE(round((q ->> 'best')::numeric)::bigint, round((q ->> 'low')::numeric)::bigint, 0),
           sign * COALESCE(round((q ->> 'high')::numeric)::bigint, 0),
           sign * CASE WHEN q IS NOT NULL AND q ->> 'high' IS NULL THEN 1 ELSE 0 END
    FROM (SELECT ''::text AS k UNION ALL SELECT e.actor1 WHERE e.actor1 <> ''
          UNION ALL SELECT e.actor2 WHERE e.actor2 <> '' AND e.actor2 IS DISTINCT FROM e.actor1) a,
         (SELECT ''::text AS k UNION ALL SELECT e.admin1 WHERE e.admin1 <> '') g
    ON CONFLICT (actor, admin1, reviewed, month) DO UPDATE SET
        events = t.events + excluded.events,
        fatalities_low = t.fatalities_low + excluded.fatalities_low,
        fatalities_best = t.fatalities_best + excluded.fatalities_best,
        fatalities_high = t.fatalities_high + excluded.fatalities_high,
        fatalities_open = t.fatalities_open + excluded.fatalities_open;
END;
$$;

-- Every write to events: an insert adds, a delete takes away, an update takes the old state away and adds the new
-- only when what the tables hold can differ (a bulk grading pass rewrites payloads without touching those fields;
-- then only the facts row's grade follows). The longest span only grows.
CREATE FUNCTION marsad_events_analytics() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM marsad_event_contribution(-1, OLD);
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM marsad_event_contribution(1, NEW);
    ELSIF (OLD.status, OLD.merged_into, OLD.date_start, OLD.date_end, OLD.event_type, OLD.sub_event_type, OLD.actor1, OLD.actor2, OLD.admin1, OLD.admin2)
          IS DISTINCT FROM (NEW.status, NEW.merged_into, NEW.date_start, NEW.date_end, NEW.event_type, NEW.sub_event_type, NEW.actor1, NEW.actor2, NEW.admin1, NEW.admin2)
       OR (OLD.payload IS DISTINCT FROM NEW.payload AND marsad_facts(OLD.payload) IS DISTINCT FROM marsad_facts(NEW.payload)) THEN
        PERFORM marsad_event_contribution(-1, OLD);
        PERFORM marsad_event_contribution(1, NEW);
    ELSIF OLD.grade IS DISTINCT FROM NEW.grade AND NEW.merged_into IS NULL AND NEW.status <> 'rejected' THEN
        UPDATE event_facts SET grade = NEW.grade WHERE date_start = NEW.date_start AND id = NEW.id;
    END IF;
    IF NEW.date_start <> '' AND (TG_OP = 'INSERT' OR OLD.date_start IS DISTINCT FROM NEW.date_start OR OLD.date_end IS DISTINCT FROM NEW.date_end) THEN
        UPDATE event_span_limit SET max_days = marsad_days(NEW.date_start, NEW.date_end)::bigint
        WHERE id = 1 AND max_days < marsad_days(NEW.date_start, NEW.date_end)::bigint;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER events_analytics AFTER INSERT OR UPDATE OR DELETE ON events
FOR EACH ROW EXECUTE FUNCTION marsad_events_analytics();
