-- Marsad schema on PostgreSQL, version 10: as Sqlite/0010.
ALTER TABLE users ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN disabled_at TEXT;
