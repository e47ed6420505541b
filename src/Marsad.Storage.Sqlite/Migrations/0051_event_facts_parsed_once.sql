-- Marsad schema, version 51: on PostgreSQL an event's facts array is computed from its payload parsed once (see
-- Postgres/0051_event_facts_parsed_once.sql). Nothing changes on SQLite.
SELECT 1;
