-- Marsad schema on SQLite, version 52: nothing. PostgreSQL adds what partitions events and revisions by month here
-- (see Postgres/0052; `marsad db partition`); SQLite keeps one file, whose tables need no partitions.
SELECT 1;
