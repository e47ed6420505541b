-- Marsad schema, version 11: undated events keep no date. An event whose date the text left unresolved (a report
-- with no publication date, "on Friday") was stored with 0001-01-01 in date_start/date_end, which tables showed and
-- which counted in a month '0001-01'. Its columns now hold '' ("no date": the columns stay NOT NULL so keyset paging
-- by (date_start, id) stays total, with undated events first); the payload says date: null with its words in date_text.
-- Undated events count in no month: they have no event_facts row and no event_month_totals row.
DROP TRIGGER event_month_changes_apply;
DROP TRIGGER events_span_insert;
DROP TRIGGER events_span_update;
DROP TRIGGER events_totals_update;

DELETE FROM event_facts WHERE date_start = '0001-01-01';
DELETE FROM event_month_totals WHERE month = '0001-01';
UPDATE events SET date_start = '', date_end = '' WHERE date_start = '0001-01-01';

CREATE TRIGGER event_month_changes_apply INSTEAD OF INSERT ON event_month_changes
BEGIN
    DELETE FROM event_facts WHERE NEW.sign < 0 AND date_start = NEW.date_start AND id = NEW.id;
    INSERT INTO event_facts
    SELECT NEW.date_start, NEW.id, NEW.date_end, NEW.status, NEW.event_type, NEW.sub_event_type, NEW.actor1, NEW.actor2, NEW.admin1, NEW.admin2, NEW.grade,
           json_extract(NEW.payload, '$.quantities', '$.assoc_actor1', '$.assoc_actor2', '$.aggregate.incidents', '$.aggregate.dates')
    WHERE NEW.sign > 0 AND NEW.date_start <> '';
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
    WHERE NEW.date_start <> ''
    ON CONFLICT (actor, admin1, reviewed, month) DO UPDATE SET
        events = events + excluded.events,
        fatalities_low = fatalities_low + excluded.fatalities_low,
        fatalities_best = fatalities_best + excluded.fatalities_best,
        fatalities_high = fatalities_high + excluded.fatalities_high,
        fatalities_open = fatalities_open + excluded.fatalities_open;
END;

-- As in version 7; an undated event has no facts row, so its payload comparison reads NULL and re-adding it is a no-op.
CREATE TRIGGER events_totals_update AFTER UPDATE ON events
WHEN (OLD.merged_into IS NULL AND OLD.status <> 'rejected') <> (NEW.merged_into IS NULL AND NEW.status <> 'rejected')
  OR (NEW.merged_into IS NULL AND NEW.status <> 'rejected' AND (
         OLD.status IS NOT NEW.status OR OLD.date_start IS NOT NEW.date_start OR OLD.date_end IS NOT NEW.date_end
      OR OLD.event_type IS NOT NEW.event_type OR OLD.sub_event_type IS NOT NEW.sub_event_type
      OR OLD.actor1 IS NOT NEW.actor1 OR OLD.actor2 IS NOT NEW.actor2 OR OLD.admin1 IS NOT NEW.admin1 OR OLD.admin2 IS NOT NEW.admin2
      OR (OLD.payload IS NOT NEW.payload AND NEW.date_start <> ''
          AND json_extract(NEW.payload, '$.quantities', '$.assoc_actor1', '$.assoc_actor2', '$.aggregate.incidents', '$.aggregate.dates')
              IS NOT (SELECT facts FROM event_facts WHERE date_start = OLD.date_start AND id = OLD.id))))
BEGIN
    INSERT INTO event_month_changes SELECT -1, OLD.id, OLD.date_start, OLD.date_end, OLD.status, OLD.event_type, OLD.sub_event_type, OLD.actor1, OLD.actor2, OLD.admin1, OLD.admin2, OLD.grade, OLD.payload
    WHERE OLD.merged_into IS NULL AND OLD.status <> 'rejected';
    INSERT INTO event_month_changes SELECT 1, NEW.id, NEW.date_start, NEW.date_end, NEW.status, NEW.event_type, NEW.sub_event_type, NEW.actor1, NEW.actor2, NEW.admin1, NEW.admin2, NEW.grade, NEW.payload
    WHERE NEW.merged_into IS NULL AND NEW.status <> 'rejected';
END;

-- julianday('') is NULL and MAX(x, NULL) is NULL: an undated event lasts no days and must not blank the limit.
CREATE TRIGGER events_span_insert AFTER INSERT ON events WHEN NEW.date_start <> ''
BEGIN
    UPDATE event_span_limit SET max_days = MAX(max_days, CAST(julianday(NEW.date_end) - julianday(NEW.date_start) AS INTEGER)) WHERE id = 1;
END;

CREATE TRIGGER events_span_update AFTER UPDATE OF date_start, date_end ON events
WHEN (OLD.date_start IS NOT NEW.date_start OR OLD.date_end IS NOT NEW.date_end) AND NEW.date_start <> ''
BEGIN
    UPDATE event_span_limit SET max_days = MAX(max_days, CAST(julianday(NEW.date_end) - julianday(NEW.date_start) AS INTEGER)) WHERE id = 1;
END;
