-- Marsad schema on PostgreSQL, version 2: as Sqlite/0002.
ALTER TABLE events ADD COLUMN fatalities BIGINT;
ALTER TABLE events ADD COLUMN admin3 TEXT;
ALTER TABLE events ADD COLUMN merged_into TEXT;
CREATE INDEX ix_events_merged_into ON events(merged_into);
CREATE INDEX ix_events_admin1 ON events(admin1);
