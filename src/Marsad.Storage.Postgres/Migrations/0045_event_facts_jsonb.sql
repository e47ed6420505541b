-- Marsad schema on PostgreSQL, version 45: event_facts.facts held as jsonb, and the table marked for CLUSTER on its key.
-- The month report's comparison with the month before sums these arrays in SQL for every event of that month
-- (Analytics/DatabaseMonthTotals); held as text, each array was parsed again at every report, which was most of the
-- server's work for a month of a large record. As jsonb it is parsed once, when the trigger writes the row.
-- marsad_facts returns jsonb for the same reason (a function's result type cannot change in place: dropped, made again;
-- the plpgsql trigger functions of version 7 look it up by name when they run).
DROP FUNCTION marsad_facts(TEXT);
CREATE FUNCTION marsad_facts(payload TEXT) RETURNS JSONB
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (SELECT jsonb_build_array(p -> 'quantities', p -> 'assoc_actor1', p -> 'assoc_actor2', p #> '{aggregate,incidents}', p #> '{aggregate,dates}')
        FROM (SELECT payload::jsonb AS p) x);

ALTER TABLE event_facts ALTER COLUMN facts TYPE JSONB USING facts::jsonb;

-- A month is read as one range of the (date_start, id) key. Rows are written in the order events arrive, so an import
-- of past years scatters a month over many pages; CLUSTER event_facts (no index named: this one), or clusterdb from a
-- scheduled job, puts them back in key order (see docs/scaling.md).
ALTER TABLE event_facts CLUSTER ON event_facts_pkey;
