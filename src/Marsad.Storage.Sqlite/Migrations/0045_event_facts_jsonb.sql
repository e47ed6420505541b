-- Marsad schema, version 45: on PostgreSQL event_facts.facts becomes jsonb (see Postgres/0045_event_facts_jsonb.sql).
-- SQLite's JSON functions read the text as stored, and event_facts is a WITHOUT ROWID table, already kept in key order,
-- so nothing changes here.
SELECT 1;
