-- Marsad schema on PostgreSQL, version 52: what partitions events and revisions by month (declarative range
-- partitioning), for a team that chooses it: `marsad db partition` runs marsad_partition_tables_by_month() (see
-- docs/scaling.md for what it gains and what it costs; a look-up by id or a map box that names no month is planned
-- over every partition). Without it the tables stay as they are and every function here does nothing.
-- Partitioned, events go by date_start (ISO text: the month 2019-06 holds '2019-06-01' <= date_start < '2019-07-01';
-- undated events, '', in events_undated), revisions by at (the time they were written). A row whose key is not an ISO
-- month waits in the table's DEFAULT partition. Marsad's writers ask for an event's month partition before they write
-- the event (marsad_partitions_ahead, PostgresDialect); marsad_settle_partitions, which every writer runs as it starts
-- and before it commits, gives any month found in a default partition its own partition and moves its rows in, so a
-- default partition never keeps a month that then needs a partition (PostgreSQL would refuse to create it).
--
-- A partitioned table's unique keys must hold its partition key: the primary keys become (id, date_start) and
-- (seq, at). An event's id and a revision's seq stay unique across the partitions through event_ids and
-- revision_seqs, kept by statement triggers from the rows each statement inserted or deleted (one set-wise statement
-- per statement, not per row; their own primary keys reject a repeated id or seq, concurrent writers included). An
-- UPDATE that changes date_start moves the row between partitions (a delete and an insert for the row triggers) and
-- keeps its id; changing an id is refused, so no UPDATE needs the key tables.
-- SQLite keeps one file and no partitions: its 0052 changes nothing.

CREATE TABLE event_ids (id TEXT PRIMARY KEY);
CREATE TABLE revision_seqs (seq BIGINT PRIMARY KEY);

CREATE FUNCTION marsad_event_ids() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO event_ids (id) SELECT id FROM inserted;
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM event_ids k USING deleted d WHERE k.id = d.id;
    ELSE
        TRUNCATE event_ids;
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION marsad_revision_seqs() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO revision_seqs (seq) SELECT seq FROM inserted;
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM revision_seqs k USING deleted d WHERE k.seq = d.seq;
    ELSE
        TRUNCATE revision_seqs;
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION marsad_key_unchanged() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%: a row''s % cannot change (it names the record everywhere)', TG_ARGV[0], TG_ARGV[1]
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

-- Whether the team has partitioned parent (marsad db partition).
CREATE FUNCTION marsad_partitioned(parent TEXT) RETURNS BOOLEAN
LANGUAGE sql STABLE
RETURN EXISTS (SELECT 1 FROM pg_partitioned_table WHERE partrelid = to_regclass(parent));

-- The partitioned tables and the column each is partitioned by.
CREATE FUNCTION marsad_partition_key(parent TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE
RETURN CASE parent WHEN 'events' THEN 'date_start' WHEN 'revisions' THEN 'at' END;

-- The partition of parent ('events' or 'revisions') for month (YYYY-MM), created when missing; rows of that month
-- waiting in the default partition move into it (through the parent, so every trigger sees a delete and an insert,
-- and the analytics tables stay right). The table is made apart and attached, which takes a SHARE UPDATE EXCLUSIVE
-- lock on the parent (readers and writers go on) and a short exclusive lock on the default partition only.
CREATE FUNCTION marsad_month_partition(parent TEXT, month TEXT) RETURNS TEXT
LANGUAGE plpgsql AS $$
DECLARE
    key TEXT := marsad_partition_key(parent);
    name TEXT := parent || '_' || replace(month, '-', '_');
    low TEXT;
    high TEXT;
    columns TEXT;
BEGIN
    IF key IS NULL THEN
        RAISE EXCEPTION 'marsad_month_partition: % is not partitioned by month', parent;
    END IF;
    IF month IS NULL OR month !~ '^[0-9]{4}-(0[1-9]|1[0-2])$' OR month >= '9999-12' THEN
        RAISE EXCEPTION 'marsad_month_partition: month must be YYYY-MM (0001-01 to 9999-11)';
    END IF;
    IF to_regclass(name) IS NOT NULL THEN
        RETURN name;
    END IF;
    low := month || '-01';
    high := to_char((month || '-01')::date + interval '1 month', 'YYYY-MM-DD');
    -- Generated columns (events.geom with PostGIS) are left to the database; the identity keeps its values.
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO columns
    FROM pg_attribute WHERE attrelid = parent::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
    EXECUTE format('CREATE TEMP TABLE marsad_moving ON COMMIT DROP AS SELECT %s FROM %I WHERE false', columns, parent);
    EXECUTE format('WITH moved AS (DELETE FROM %I WHERE %I >= %L AND %I < %L RETURNING %s) INSERT INTO pg_temp.marsad_moving SELECT * FROM moved',
                   parent, key, low, key, high, columns);
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING STORAGE INCLUDING COMPRESSION)', name, parent);
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, name, low, high);
    EXECUTE format('INSERT INTO %I (%s) OVERRIDING SYSTEM VALUE SELECT %s FROM pg_temp.marsad_moving', parent, columns, columns);
    DROP TABLE pg_temp.marsad_moving;
    RETURN name;
END;
$$;

-- The partitions of parent for these months (YYYY-MM; anything else is passed over), each created when missing. A
-- partition that waits more than 2 s for its lock on the default partition (a long reader there) is left for a later
-- writer, with a notice, rather than holding this writer up: the rows go to the default partition meanwhile, read like
-- any others, and move when their partition is made.
CREATE FUNCTION marsad_partitions_ahead(parent TEXT, months TEXT[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    month TEXT;
    timeout TEXT := current_setting('lock_timeout');
BEGIN
    IF NOT marsad_partitioned(parent) THEN
        RETURN;
    END IF;
    PERFORM set_config('lock_timeout', '2s', true);
    FOREACH month IN ARRAY COALESCE(months, '{}') LOOP
        CONTINUE WHEN month IS NULL OR month !~ '^[0-9]{4}-(0[1-9]|1[0-2])$' OR month >= '9999-12'
                   OR to_regclass(parent || '_' || replace(month, '-', '_')) IS NOT NULL;
        BEGIN
            PERFORM marsad_month_partition(parent, month);
        EXCEPTION WHEN lock_not_available THEN
            RAISE NOTICE 'the partition of % for % waits for a lock (%); a later writer makes it', parent, month, SQLERRM;
        END;
    END LOOP;
    PERFORM set_config('lock_timeout', timeout, true);
END;
$$;

-- Attaching a partition is for the table's owner, and the key tables are new: a team whose writers are other roles than
-- the one that migrated reaches both through these functions, run as their owner (the migrating role) with a fixed
-- search path, without new grants.
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION marsad_month_partition(TEXT, TEXT) SECURITY DEFINER SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION marsad_event_ids() SECURITY DEFINER SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION marsad_revision_seqs() SECURITY DEFINER SET search_path = %I, pg_temp', current_schema());
END
$$;

-- Run by every writer (holding the write lock) when it starts and before it commits: revisions get this month's and
-- the next month's partitions ahead of time, and every month found in a default partition (rows written by SQL that
-- did not ask for their month's partition first) gets its own, its rows moved in.
CREATE FUNCTION marsad_settle_partitions() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT marsad_partitioned('events') THEN
        RETURN;
    END IF;
    PERFORM marsad_partitions_ahead('revisions', ARRAY[to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM'), to_char((now() AT TIME ZONE 'UTC') + interval '1 month', 'YYYY-MM')]);
    PERFORM marsad_partitions_ahead('events', ARRAY(SELECT DISTINCT substr(date_start, 1, 7) FROM events_default));
    PERFORM marsad_partitions_ahead('revisions', ARRAY(SELECT DISTINCT substr(at, 1, 7) FROM revisions_default));
END;
$$;

-- Rebuilds one table partitioned by month with the same columns (defaults, identity, generated columns), indexes,
-- triggers and functions of its row type, and its rows in their months. Used by marsad_partition_tables_by_month.
CREATE FUNCTION marsad_partition_by_month(parent TEXT, keys TEXT, key_table TEXT, key_column TEXT, key_trigger TEXT) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    key TEXT := marsad_partition_key(parent);
    old TEXT := parent || '_unpartitioned';
    indexes TEXT[];
    triggers TEXT[];
    functions TEXT[];
    drops TEXT[];
    statement TEXT;
    columns TEXT;
    month TEXT;
BEGIN
    EXECUTE format('ALTER TABLE %I RENAME TO %I', parent, old);
    -- Secondary indexes as they are, but unique only when they hold the partition key (PostgreSQL's rule): the one
    -- affected is events' row_order index, an identity column's values, which the identity keeps unique.
    SELECT array_agg(CASE WHEN i.indisunique AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attname = key AND a.attnum = ANY(i.indkey))
                          THEN regexp_replace(pg_get_indexdef(i.indexrelid), '^CREATE UNIQUE INDEX', 'CREATE INDEX')
                          ELSE pg_get_indexdef(i.indexrelid) END)
    INTO indexes
    FROM pg_index i WHERE i.indrelid = old::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid);
    SELECT array_agg(format('ALTER TABLE %I DROP CONSTRAINT %I', old, conname)) INTO drops FROM pg_constraint WHERE conrelid = old::regclass AND contype IN ('p', 'u');
    FOREACH statement IN ARRAY COALESCE(drops, '{}') LOOP
        EXECUTE statement;
    END LOOP;
    SELECT array_agg(format('DROP INDEX %s', indexrelid::regclass)) INTO drops FROM pg_index WHERE indrelid = old::regclass;
    FOREACH statement IN ARRAY COALESCE(drops, '{}') LOOP
        EXECUTE statement;
    END LOOP;
    SELECT array_agg(pg_get_triggerdef(oid)) INTO triggers FROM pg_trigger WHERE tgrelid = old::regclass AND NOT tgisinternal;
    -- Functions taking the row type (marsad_event_contribution): made again for the new table's type.
    SELECT array_agg(pg_get_functiondef(p.oid)), array_agg(format('DROP FUNCTION %s', p.oid::regprocedure))
    INTO functions, drops
    FROM pg_proc p WHERE (SELECT reltype FROM pg_class WHERE oid = old::regclass) = ANY(p.proargtypes);
    FOREACH statement IN ARRAY COALESCE(drops, '{}') LOOP
        EXECUTE statement;
    END LOOP;

    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING IDENTITY INCLUDING STORAGE INCLUDING COMPRESSION) PARTITION BY RANGE (%I)',
                   parent, old, key);
    IF parent = 'events' THEN
        -- '' sorts before every date.
        CREATE TABLE events_undated PARTITION OF events FOR VALUES FROM (MINVALUE) TO ('0');
    END IF;
    EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', parent || '_default', parent);
    FOR month IN EXECUTE format('SELECT DISTINCT substr(%I, 1, 7) FROM %I WHERE %I ~ ''^[0-9]{4}-(0[1-9]|1[0-2])-'' AND %I < ''9999-12''', key, old, key, key) LOOP
        PERFORM marsad_month_partition(parent, month);
    END LOOP;
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO columns
    FROM pg_attribute WHERE attrelid = parent::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '';
    EXECUTE format('INSERT INTO %I (%s) OVERRIDING SYSTEM VALUE SELECT %s FROM %I', parent, columns, columns, old);
    EXECUTE format('ALTER TABLE %I ADD PRIMARY KEY (%s)', parent, keys);
    FOREACH statement IN ARRAY COALESCE(indexes, '{}') LOOP
        EXECUTE regexp_replace(statement, ' ON (\S+\.)?' || old || ' ', ' ON ' || quote_ident(parent) || ' ');
    END LOOP;
    FOREACH statement IN ARRAY COALESCE(functions, '{}') LOOP
        EXECUTE replace(statement, old, parent);
    END LOOP;
    FOREACH statement IN ARRAY COALESCE(triggers, '{}') LOOP
        EXECUTE regexp_replace(statement, ' ON (\S+\.)?' || old || ' ', ' ON ' || quote_ident(parent) || ' ');
    END LOOP;
    EXECUTE format('INSERT INTO %I (%I) SELECT %I FROM %I', key_table, key_column, key_column, parent);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION %I()', parent || '_keys_insert', parent, key_trigger);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION %I()', parent || '_keys_delete', parent, key_trigger);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION %I()', parent || '_keys_truncate', parent, key_trigger);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW WHEN (OLD.%I IS DISTINCT FROM NEW.%I) EXECUTE FUNCTION marsad_key_unchanged(%L, %L)',
                   parent || '_key_unchanged', parent, key_column, key_column, parent, key_column);
    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = parent::regclass AND attidentity <> '') THEN
        EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, a.attname), COALESCE((SELECT MAX(%s) FROM %I), 0) + 1, false) FROM pg_attribute a WHERE a.attrelid = %L::regclass AND a.attidentity <> ''''',
                       parent, (SELECT quote_ident(attname) FROM pg_attribute WHERE attrelid = parent::regclass AND attidentity <> '' LIMIT 1), parent, parent);
    END IF;
    -- Privileges other roles held on the table (a read-only role for the public site, say) hold on the new one.
    FOR statement IN
        SELECT format('GRANT %s ON %I TO %s', a.privilege_type, parent, CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END)
        FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = old::regclass AND a.grantee <> c.relowner
    LOOP
        EXECUTE statement;
    END LOOP;
    EXECUTE format('DROP TABLE %I', old);
END;
$$;

-- marsad db partition: both tables rebuilt partitioned, every row in its month, in the caller's transaction (which
-- holds the writers' lock; the rebuild locks both tables until it commits). False when they are partitioned already.
CREATE FUNCTION marsad_partition_tables_by_month() RETURNS BOOLEAN
LANGUAGE plpgsql AS $$
BEGIN
    IF marsad_partitioned('events') THEN
        RETURN false;
    END IF;
    PERFORM marsad_partition_by_month('events', 'id, date_start', 'event_ids', 'id', 'marsad_event_ids');
    PERFORM marsad_partition_by_month('revisions', 'seq, at', 'revision_seqs', 'seq', 'marsad_revision_seqs');
    PERFORM marsad_settle_partitions();
    RETURN true;
END;
$$;

-- The analytics trigger of version 50, with one change: a bulk import's transaction lets inserts pass (its writer adds
-- them set-wise by id), but an UPDATE that moves an event to another month's partition reaches the row triggers as a
-- delete and an insert, and that insert is no new row of the import: the delete leaves the row's identity
-- (row_order, which a move keeps) in marsad.moved, and the insert that carries it is counted here.
CREATE OR REPLACE FUNCTION marsad_events_analytics() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' AND current_setting('marsad.bulk', true) = 'on'
       AND current_setting('marsad.moved', true) IS DISTINCT FROM NEW.row_order::text THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF current_setting('marsad.bulk', true) = 'on' THEN
            PERFORM set_config('marsad.moved', OLD.row_order::text, true);
        END IF;
        PERFORM marsad_event_contribution(-1, OLD);
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM marsad_event_contribution(1, NEW);
    ELSIF (OLD.status, OLD.merged_into, OLD.date_start, OLD.date_end, OLD.event_type, OLD.sub_event_type, OLD.actor1, OLD.actor2, OLD.admin1, OLD.admin2)
          IS DISTINCT FROM (NEW.status, NEW.merged_into, NEW.date_start, NEW.date_end, NEW.event_type, NEW.sub_event_type, NEW.actor1, NEW.actor2, NEW.admin1, NEW.admin2)
       OR (OLD.payload IS DISTINCT FROM NEW.payload AND marsad_facts(OLD.payload) IS DISTINCT FROM marsad_facts(NEW.payload)) THEN
        PERFORM marsad_event_contribution(-1, OLD);
        PERFORM marsad_event_contribution(1, NEW);
    ELSIF OLD.grade IS DISTINCT FROM NEW.grade AND NEW.merged_into IS NULL AND NEW.status <> 'rejected' THEN
        UPDATE event_facts SET grade = NEW.grade WHERE date_start = NEW.date_start AND id = NEW.id;
    END IF;
    IF NEW.date_start <> '' AND (TG_OP = 'INSERT' OR OLD.date_start IS DISTINCT FROM NEW.date_start OR OLD.date_end IS DISTINCT FROM NEW.date_end) THEN
        UPDATE event_span_limit SET max_days = marsad_days(NEW.date_start, NEW.date_end)::bigint
        WHERE id = 1 AND max_days < marsad_days(NEW.date_start, NEW.date_end)::bigint;
    END IF;
    RETURN NULL;
END;
$$;
