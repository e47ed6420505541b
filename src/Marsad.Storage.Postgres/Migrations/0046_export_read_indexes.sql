-- Listings and exports read events in (date_start, id) order: with id second in the date index, a keyset page is
-- read in that order from the index, with no sort of each day's events; longitude and latitude stay in it for the
-- map's box filter without PostGIS.
DROP INDEX ix_events_date_point;
CREATE INDEX ix_events_date_point ON events(date_start, id, longitude, latitude);

-- The sources list counts each source's documents (every export lists the sources for their URLs): an index on
-- documents.source_id makes each count an index lookup instead of a scan of every document.
CREATE INDEX ix_documents_source ON documents(source_id);
