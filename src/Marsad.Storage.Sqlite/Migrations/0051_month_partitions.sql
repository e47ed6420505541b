-- Marsad schema on SQLite, version 51: nothing. PostgreSQL partitions events and revisions by month here (see
-- Postgres/0051); SQLite keeps one file, whose tables need no partitions.
SELECT 1;
