-- Marsad schema on PostgreSQL, version 9: as Sqlite/0009; the longest span comes from marsad_days (0007), which is
-- IMMUTABLE so it can be indexed.
CREATE INDEX ix_events_span ON events(marsad_days(date_start, date_end));
CREATE INDEX ix_events_type_date ON events(event_type, date_start);
CREATE INDEX ix_events_admin1_date ON events(admin1, date_start);
CREATE INDEX ix_events_date_point ON events(date_start, longitude, latitude);
