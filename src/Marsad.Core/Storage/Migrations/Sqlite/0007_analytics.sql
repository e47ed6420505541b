-- Marsad schema, version 7: what analytics reads without scanning every event.
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

-- One event's contribution to the month totals (sign 1 adds it, -1 takes it away). Writing a row into
-- this view runs the one upsert below, so the triggers on events stay one line each.
CREATE VIEW event_month_changes AS
SELECT 0 AS sign, NULL AS actor1, NULL AS actor2, NULL AS admin1, NULL AS status, NULL AS date_start, NULL AS payload WHERE 0;

CREATE TRIGGER event_month_changes_apply INSTEAD OF INSERT ON event_month_changes
BEGIN
    INSERT INTO event_month_totals (actor, admin1, reviewed, month, events, fatalities_low, fatalities_best, fatalities_high, fatalities_open)
    SELECT a.k, g.k, NEW.status <> 'extracted', substr(NEW.date_start, 1, 7), NEW.sign,
           NEW.sign * COALESCE(json_extract(NEW.payload, '$.quantities.fatalities.low'), 0),
           NEW.sign * COALESCE(json_extract(NEW.payload, '$.quantities.fatalities.best'), json_extract(NEW.payload, '$.quantities.fatalities.low'), 0),
           NEW.sign * COALESCE(json_extract(NEW.payload, '$.quantities.fatalities.high'), 0),
           NEW.sign * (json_extract(NEW.payload, '$.quantities.fatalities') IS NOT NULL AND json_extract(NEW.payload, '$.quantities.fatalities.high') IS NULL)
    FROM (SELECT '' AS k UNION SELECT NEW.actor1 WHERE NEW.actor1 IS NOT NULL UNION SELECT NEW.actor2 WHERE NEW.actor2 IS NOT NULL) a,
         (SELECT '' AS k UNION SELECT NEW.admin1 WHERE NEW.admin1 IS NOT NULL) g
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
    INSERT INTO event_month_changes VALUES (1, NEW.actor1, NEW.actor2, NEW.admin1, NEW.status, NEW.date_start, NEW.payload);
END;

CREATE TRIGGER events_totals_update_remove AFTER UPDATE ON events WHEN OLD.merged_into IS NULL AND OLD.status <> 'rejected'
BEGIN
    INSERT INTO event_month_changes VALUES (-1, OLD.actor1, OLD.actor2, OLD.admin1, OLD.status, OLD.date_start, OLD.payload);
END;

CREATE TRIGGER events_totals_update_add AFTER UPDATE ON events WHEN NEW.merged_into IS NULL AND NEW.status <> 'rejected'
BEGIN
    INSERT INTO event_month_changes VALUES (1, NEW.actor1, NEW.actor2, NEW.admin1, NEW.status, NEW.date_start, NEW.payload);
END;

CREATE TRIGGER events_totals_delete AFTER DELETE ON events WHEN OLD.merged_into IS NULL AND OLD.status <> 'rejected'
BEGIN
    INSERT INTO event_month_changes VALUES (-1, OLD.actor1, OLD.actor2, OLD.admin1, OLD.status, OLD.date_start, OLD.payload);
END;

CREATE TRIGGER events_span_insert AFTER INSERT ON events
BEGIN
    UPDATE event_span_limit SET max_days = MAX(max_days, CAST(julianday(NEW.date_end) - julianday(NEW.date_start) AS INTEGER)) WHERE id = 1;
END;

CREATE TRIGGER events_span_update AFTER UPDATE OF date_start, date_end ON events
BEGIN
    UPDATE event_span_limit SET max_days = MAX(max_days, CAST(julianday(NEW.date_end) - julianday(NEW.date_start) AS INTEGER)) WHERE id = 1;
END;
