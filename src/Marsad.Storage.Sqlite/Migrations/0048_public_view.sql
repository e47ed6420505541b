-- Marsad schema, version 48: on PostgreSQL the public view a public mirror is fed from by logical replication (see
-- Postgres/0048_public_view.sql). A SQLite file has no replication to feed, so nothing changes here.
SELECT 1;
