-- Marsad schema, version 47: the events spanning more than one day, indexed apart (see Postgres/0047_event_facts_spans.sql):
-- a month's read takes the spans that start before the month and reach into it from this index instead of reading
-- every event of the days before it.
CREATE INDEX ix_event_facts_spans ON event_facts (date_start, id) WHERE date_end > date_start;
