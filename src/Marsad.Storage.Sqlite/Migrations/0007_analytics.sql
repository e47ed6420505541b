-- Marsad schema, version 7: what analytics reads without scanning every event.
--
-- event_facts: what aggregates need of each standing event (not rejected, not merged away), clustered
-- by date_start: a month's events sit on neighbouring pages instead of being scattered through the
-- events table, and "facts" holds the few JSON fields analytics reads ([quantities, assoc_actor1,
-- assoc_actor2, aggregate incidents, aggregate dates]) so no payload is parsed at query time.
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
) WITHOUT ROWID;
INSERT INTO event_facts
SELECT date_start, id, date_end, status, event_type, sub_event_type, actor1, actor2, admin1, admin2, grade,
       json_extract(payload, '$.quantities', '$.assoc_actor1', '$.assoc_actor2', '$.aggregate.incidents', '$.aggregate.dates')
FROM events WHERE merged_into IS NULL AND status <> 'rejected';
--
-- event_month_totals: events and fatalities (low, best, high) per month of date_start, per actor
-- (actor1 or actor2; '' = every actor) and governorate ('' = every governorate), split by whether a
-- person reviewed the event (reviewed = 1 for reviewed, verified, published; 0 for extracted). Rejected
-- and merged-away events count nowhere. Triggers keep it in the same transaction as every write to
-- events, so a running total since 2014 reads a few hundred rows instead of a million events.
-- fatalities_open counts events whose fatalities have no stated ceiling (high unknown).
CREATE TABLE event_month_totals (
    actor           TEXT NOT NULL,
    admin1          TEXT NOT NULL,
    reviewed        INTEGER NOT NULL,
    month           TEXT NOT NULL,
    events          INTEGER NOT NULL,
    fatalities_low  INTEGER NOT NULL,
    fatalities_best INTEGER NOT NULL,
    fatalities_high INTEGER NOT NULL,
    fatalities_open INTEGER NOT NULL,
    PRIMARY KEY (actor, admin1, reviewed, month)
) WITHOUT ROWID;

-- The longest span (days) any event has had: a month's events are those starting at most this many
-- days before the month and ending in or after it, so the date index reads a narrow range. It only grows.
CREATE TABLE event_span_limit (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    max_days INTEGER NOT NULL
);
INSERT INTO event_span_limit (id, max_days)
SELECT 1, COALESCE(MAX(CAST(julianday(date_end) - julianday(date_start) AS INTEGER)), 0) FROM events;

INSERT INTO event_month_totals (actor, admin1, reviewed, month, events, fatalities_low, fatalities_best, fatalities_high, fatalities_open)
SELECT k.actor, g.admin1, e.status <> 'extracted', substr(e.date_start, 1, 7), COUNT(*),
       SUM(COALESCE(json_extract(e.payload, '$.quantities.fatalities.low'), 0)),
       SUM(COALESCE(json_extract(e.payload, '$.quantities.fatalities.best'), json_extract(e.payload, '$.quantities.fatalities.low'), 0)),
       SUM(COALESCE(json_extract(e.payload, '$.quantities.fatalities.high'), 0)),
       SUM(json_extract(e.payload, '$.quantities.fatalities') IS NOT NULL AND json_extract(e.payload, '$.quantities.fatalities.high') IS NULL)
FROM events e
JOIN (SELECT id, '' AS actor FROM events
      UNION ALL SELECT id, actor1 FROM events WHERE actor1 IS NOT NULL
      UNION ALL SELECT id, actor2 FROM events WHERE actor2 IS NOT NULL AND actor2 IS NOT actor1) k ON k.id = e.id
JOIN (SELECT id, '' AS admin1 FROM events
      UNION ALL SELECT id, admin1 FROM events WHERE admin1 IS NOT NULL) g ON g.id = e.id
WHERE e.merged_into IS NULL AND e.status <> 'rejected'
GROUP BY k.actor, g.admin1, e.status <> 'extracted', substr(e.date_start, 1, 7);

-- One event's contribution to the month totals and the facts (sign 1 adds it, -1 takes it away).
-- Writing a row into this view runs the statements below, so the triggers on events stay one line each.
CREATE VIEW event_month_changes AS
SELECT 0 AS sign, NULL AS id, NULL AS date_start, NULL AS date_end, NULL AS status, NULL AS event_type, NULL AS sub_event_type,
       NULL AS actor1, NULL AS actor2, NULL AS admin1, NULL AS admin2, NULL AS grade, NULL AS payload WHERE 0;

CREATE TRIGGER event_month_changes_apply INSTEAD OF INSERT ON event_month_changes
BEGIN
    DELETE FROM event_facts WHERE NEW.sign < 0 AND date_start = NEW.date_start AND id = NEW.id;
    INSERT INTO event_facts
    SELECT NEW.date_start, NEW.id, NEW.date_end, NEW.status, NEW.event_type, NEW.sub_event_type, NEW.actor1, NEW.actor2, NEW.admin1, NEW.admin2, NEW.grade,
           json_extract(NEW.payload, '$.quantities', '$.assoc_actor1', '$.assoc_actor2', '$.aggregate.incidents', '$.aggregate.dates')
    WHERE NEW.sign > 0;
    INSERT INTO event_month_totals (actor, admin1, reviewed, month, events, fatalities_low, fatalities_best, fatalities_high, fatalities_open)
    SELECT a.k, g.k, NEW.status <> 'extracted', substr(NEW.date_start, 1, 7), NEW.sign,
           NEW.sign * COALESCE(json_extract(NEW.payload, '$.quantities.fatalities.low'), 0),
           NEW.sign * COALESCE(json_extract(NEW.payload, '$.quantities.fatalities.best'), json_extract(NEW.payload, '$.quantities.fatalities.low'), 0),
           NEW.sign * COALESCE(json_extract(NEW.payload, '$.quantities.fatalities.high'), 0),
           NEW.sign * (json_extract(NEW.payload, '$.quantities.fatalities') IS NOT NULL AND json_extract(NEW.payload, '$.quantities.fatalities.high') IS NULL)
    -- UNION ALL with explicit exclusions rather than UNION: a UNION builds a temporary table per event.
    FROM (SELECT '' AS k UNION ALL SELECT NEW.actor1 WHERE NEW.actor1 <> ''
          UNION ALL SELECT NEW.actor2 WHERE NEW.actor2 <> '' AND NEW.actor2 IS NOT NEW.actor1) a,
         (SELECT '' AS k UNION ALL SELECT NEW.admin1 WHERE NEW.admin1 <> '') g
    WHERE true
    ON CONFLICT (actor, admin1, reviewed, month) DO UPDATE SET
        events = events + excluded.events,
        fatalities_low = fatalities_low + excluded.fatalities_low,
        fatalities_best = fatalities_best + excluded.fatalities_best,
        fatalities_high = fatalities_high + excluded.fatalities_high,
        fatalities_open = fatalities_open + excluded.fatalities_open;
END;

-- Rejected and merged-away events count nowhere; an update takes the old state away and adds the new.
CREATE TRIGGER events_totals_insert AFTER INSERT ON events WHEN NEW.merged_into IS NULL AND NEW.status <> 'rejected'
BEGIN
    INSERT INTO event_month_changes VALUES (1, NEW.id, NEW.date_start, NEW.date_end, NEW.status, NEW.event_type, NEW.sub_event_type, NEW.actor1, NEW.actor2, NEW.admin1, NEW.admin2, NEW.grade, NEW.payload);
END;

-- One trigger, two statements in this order: the old state goes before the new one comes (same key).
-- It fires only when what the totals or facts hold can differ: the event starts or stops standing, or a
-- standing event changes a column they copy or the payload fields in facts (compared with the stored
-- facts, so the old payload is not parsed). A bulk grading or merge pass rewrites most events' payloads
-- without touching those fields, and re-adding every such event would cost more than the pass itself.
CREATE TRIGGER events_totals_update AFTER UPDATE ON events
WHEN (OLD.merged_into IS NULL AND OLD.status <> 'rejected') <> (NEW.merged_into IS NULL AND NEW.status <> 'rejected')
  OR (NEW.merged_into IS NULL AND NEW.status <> 'rejected' AND (
         OLD.status IS NOT NEW.status OR OLD.date_start IS NOT NEW.date_start OR OLD.date_end IS NOT NEW.date_end
      OR OLD.event_type IS NOT NEW.event_type OR OLD.sub_event_type IS NOT NEW.sub_event_type
      OR OLD.actor1 IS NOT NEW.actor1 OR OLD.actor2 IS NOT NEW.actor2 OR OLD.admin1 IS NOT NEW.admin1 OR OLD.admin2 IS NOT NEW.admin2
      OR (OLD.payload IS NOT NEW.payload
          AND json_extract(NEW.payload, '$.quantities', '$.assoc_actor1', '$.assoc_actor2', '$.aggregate.incidents', '$.aggregate.dates')
              IS NOT (SELECT facts FROM event_facts WHERE date_start = OLD.date_start AND id = OLD.id))))
BEGIN
    INSERT INTO event_month_changes SELECT -1, OLD.id, OLD.date_start, OLD.date_end, OLD.status, OLD.event_type, OLD.sub_event_type, OLD.actor1, OLD.actor2, OLD.admin1, OLD.admin2, OLD.grade, OLD.payload
    WHERE OLD.merged_into IS NULL AND OLD.status <> 'rejected';
    INSERT INTO event_month_changes SELECT 1, NEW.id, NEW.date_start, NEW.date_end, NEW.status, NEW.event_type, NEW.sub_event_type, NEW.actor1, NEW.actor2, NEW.admin1, NEW.admin2, NEW.grade, NEW.payload
    WHERE NEW.merged_into IS NULL AND NEW.status <> 'rejected';
END;

-- A standing event regraded without any other change: only its facts row's grade follows (the totals do
-- not count grades). Running after the trigger above as well does no harm: it sets the same grade.
CREATE TRIGGER events_facts_grade AFTER UPDATE OF grade ON events
WHEN OLD.grade IS NOT NEW.grade AND NEW.merged_into IS NULL AND NEW.status <> 'rejected'
BEGIN
    UPDATE event_facts SET grade = NEW.grade WHERE date_start = NEW.date_start AND id = NEW.id;
END;

CREATE TRIGGER events_totals_delete AFTER DELETE ON events WHEN OLD.merged_into IS NULL AND OLD.status <> 'rejected'
BEGIN
    INSERT INTO event_month_changes VALUES (-1, OLD.id, OLD.date_start, OLD.date_end, OLD.status, OLD.event_type, OLD.sub_event_type, OLD.actor1, OLD.actor2, OLD.admin1, OLD.admin2, OLD.grade, OLD.payload);
END;

CREATE TRIGGER events_span_insert AFTER INSERT ON events
BEGIN
    UPDATE event_span_limit SET max_days = MAX(max_days, CAST(julianday(NEW.date_end) - julianday(NEW.date_start) AS INTEGER)) WHERE id = 1;
END;

CREATE TRIGGER events_span_update AFTER UPDATE OF date_start, date_end ON events
WHEN OLD.date_start IS NOT NEW.date_start OR OLD.date_end IS NOT NEW.date_end
BEGIN
    UPDATE event_span_limit SET max_days = MAX(max_days, CAST(julianday(NEW.date_end) - julianday(NEW.date_start) AS INTEGER)) WHERE id = 1;
END;
