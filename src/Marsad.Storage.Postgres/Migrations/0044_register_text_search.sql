-- Marsad schema on PostgreSQL, version 44: full-text search over the registers (see Sqlite/0044 for what the columns
-- hold, Postgres/0030 for how the words become vectors: as Marsad split them, no parser, no dictionary).
CREATE TABLE register_text (
    kind        TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    version     BIGINT NOT NULL,
    full_text   TEXT NOT NULL,
    team_text   TEXT NOT NULL,
    public_text TEXT NOT NULL,
    full_words   tsvector GENERATED ALWAYS AS (array_to_tsvector(string_to_array(full_text, ' '))) STORED,
    team_words   tsvector GENERATED ALWAYS AS (array_to_tsvector(string_to_array(team_text, ' '))) STORED,
    public_words tsvector GENERATED ALWAYS AS (array_to_tsvector(string_to_array(public_text, ' '))) STORED,
    PRIMARY KEY (kind, record_id)
);

CREATE INDEX register_text_full_words ON register_text USING gin (full_words);
CREATE INDEX register_text_team_words ON register_text USING gin (team_words);
CREATE INDEX register_text_public_words ON register_text USING gin (public_words);

CREATE TABLE register_text_pending (kind TEXT NOT NULL, record_id TEXT NOT NULL, PRIMARY KEY (kind, record_id));

CREATE TABLE register_text_state (names TEXT NOT NULL);
INSERT INTO register_text_state (names) VALUES ('');

CREATE FUNCTION marsad_register_text_queue() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO register_text_pending (kind, record_id) VALUES (TG_TABLE_NAME, OLD.id) ON CONFLICT DO NOTHING;
        RETURN OLD;
    END IF;
    IF TG_OP = 'INSERT' OR NEW.payload IS DISTINCT FROM OLD.payload OR NEW.version IS DISTINCT FROM OLD.version THEN
        INSERT INTO register_text_pending (kind, record_id) VALUES (TG_TABLE_NAME, NEW.id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER persons_text_queue AFTER INSERT OR UPDATE OR DELETE ON persons
FOR EACH ROW EXECUTE FUNCTION marsad_register_text_queue();
CREATE TRIGGER claims_text_queue AFTER INSERT OR UPDATE OR DELETE ON claims
FOR EACH ROW EXECUTE FUNCTION marsad_register_text_queue();
CREATE TRIGGER allegations_text_queue AFTER INSERT OR UPDATE OR DELETE ON allegations
FOR EACH ROW EXECUTE FUNCTION marsad_register_text_queue();

INSERT INTO register_text_pending (kind, record_id) SELECT 'persons', id FROM persons;
INSERT INTO register_text_pending (kind, record_id) SELECT 'claims', id FROM claims;
INSERT INTO register_text_pending (kind, record_id) SELECT 'allegations', id FROM allegations;
