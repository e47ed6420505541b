-- Marsad schema on PostgreSQL, version 30: full-text search over events (see Sqlite/0030 for what the columns hold).
-- The text is already in NameNormaliser's form and split into words by Marsad, so the vectors are built from those words
-- as they are (array_to_tsvector: no parser, no dictionary, no locale), and a query is a tsquery of the same words:
-- both databases match the same words the same way, English and Arabic alike. GIN indexes answer the searches.
CREATE TABLE event_text (
    event_id    TEXT PRIMARY KEY,
    version     BIGINT NOT NULL,
    full_text   TEXT NOT NULL,
    public_text TEXT NOT NULL,
    full_words   tsvector GENERATED ALWAYS AS (array_to_tsvector(string_to_array(full_text, ' '))) STORED,
    public_words tsvector GENERATED ALWAYS AS (array_to_tsvector(string_to_array(public_text, ' '))) STORED
);

CREATE INDEX event_text_full_words ON event_text USING gin (full_words);
CREATE INDEX event_text_public_words ON event_text USING gin (public_words);

CREATE TABLE event_text_pending (event_id TEXT PRIMARY KEY);

CREATE TABLE event_text_state (names TEXT NOT NULL);
INSERT INTO event_text_state (names) VALUES ('');

CREATE FUNCTION marsad_event_text_queue() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO event_text_pending (event_id) VALUES (OLD.id) ON CONFLICT DO NOTHING;
        RETURN OLD;
    END IF;
    IF TG_OP = 'INSERT' OR NEW.payload IS DISTINCT FROM OLD.payload OR NEW.version IS DISTINCT FROM OLD.version THEN
        INSERT INTO event_text_pending (event_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER events_text_queue AFTER INSERT OR UPDATE OR DELETE ON events
FOR EACH ROW EXECUTE FUNCTION marsad_event_text_queue();

INSERT INTO event_text_pending (event_id) SELECT id FROM events;
