-- Map listings filter a date window by a bounding box. With this index SQLite tests the box against index
-- entries and fetches only the events inside it, instead of every event in the window (a 90-day window of a
-- 100,000-event record is ~3,000 rows, of which a box keeps a few hundred).
CREATE INDEX ix_events_date_point ON events(date_start, longitude, latitude);
