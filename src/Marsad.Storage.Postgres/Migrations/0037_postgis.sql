-- Marsad schema on PostgreSQL, version 37: PostGIS when the server has it. The extension is created when it is
-- installed on the server and this role may create it (a superuser, the database's owner for a trusted extension,
-- or one that a DBA created beforehand); then every event with a point gets a generated geometry (WGS 84) and a GiST
-- index that the box and radius filters read (Events/SpatialSql). Without PostGIS nothing changes: the filters test
-- the latitude and longitude columns (ix_events_date_point). SQLite has no counterpart: it always takes the plain path.
-- A server that gains PostGIS later: CREATE EXTENSION postgis, then run the two statements in the last block by hand.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis')
       AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis') THEN
        BEGIN
            CREATE EXTENSION postgis;
        EXCEPTION WHEN insufficient_privilege OR feature_not_supported OR undefined_file THEN
            RAISE NOTICE 'PostGIS is installed but could not be created here (%); the place filters use plain columns', SQLERRM;
        END;
    END IF;

    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis') THEN
        -- Generated, so every writer (and COPY) keeps it in step with latitude and longitude without knowing of it.
        EXECUTE 'ALTER TABLE events ADD COLUMN geom geometry(Point, 4326)
                     GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)) STORED';
        EXECUTE 'CREATE INDEX ix_events_geom ON events USING gist (geom)';
    END IF;
END
$$;
