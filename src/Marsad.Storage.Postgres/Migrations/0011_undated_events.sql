-- Marsad schema on PostgreSQL, version 11: undated events keep '' in date_start/date_end (see Sqlite/0011). The
-- trigger functions of version 7 already leave them out of every month, so only the marker is kept in step.
UPDATE events SET date_start = '', date_end = '' WHERE date_start = '0001-01-01';
