-- Marsad schema, version 50: on PostgreSQL the trigger functions let an import's inserts pass when its transaction sets
-- marsad.bulk (see Postgres/0050_bulk_event_inserts.sql). Here an import drops its insert triggers inside its own
-- transaction and creates them again before it commits (SqliteBulkEventInserts), so nothing changes.
SELECT 1;
