-- Marsad schema, version 2: what corroboration reads without opening payloads, and merges.
ALTER TABLE events ADD COLUMN fatalities INTEGER;
ALTER TABLE events ADD COLUMN admin3 TEXT;
ALTER TABLE events ADD COLUMN merged_into TEXT;
CREATE INDEX ix_events_merged_into ON events(merged_into);
CREATE INDEX ix_events_admin1 ON events(admin1);
