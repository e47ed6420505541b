-- Marsad schema on PostgreSQL, version 47: the events spanning more than one day, indexed apart.
-- A month's read takes the events that start in it by the (date_start, id) key, and those that start before it and
-- reach into it. Only spans can do the latter, and one event in ten spans; read by the key alone, the days before a
-- month (as many as the longest span) were read whole and nine rows in ten thrown away: about as many rows as the
-- month itself. This partial index holds the spans only, in the key's order (Analytics/EventAnalytics.ReadAsync).
CREATE INDEX ix_event_facts_spans ON event_facts (date_start, id) WHERE date_end > date_start;
