-- Marsad schema, version 37: PostGIS on PostgreSQL (see Postgres/0037_postgis.sql). SQLite has no such extension here:
-- the box and radius filters read the latitude and longitude columns (ix_events_date_point), so nothing changes.
SELECT 1;
