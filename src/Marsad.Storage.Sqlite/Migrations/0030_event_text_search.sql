-- Marsad schema on SQLite, version 30: full-text search over events (FTS5). Each event's text fields (the JSON's string
-- values, never its keys) are kept twice, in NameNormaliser's form (lower case, no diacritics, full-width letters folded,
-- Arabic without tashkeel, words joined by one space): as stored (full_text, for editors) and as a role below editor
-- reads them, confidential source names already redacted (public_text). Both are written by Marsad
-- (Events/Search/EventTextIndex), because the redaction is .NET's; these triggers only queue the events to (re)index, so
-- every writer (record store, bulk inserts, copy, import) is covered without knowing of the index.
CREATE TABLE event_text (
    event_id    TEXT PRIMARY KEY,
    version     INTEGER NOT NULL,
    full_text   TEXT NOT NULL,
    public_text TEXT NOT NULL
);

-- The index reads the rows of event_text (external content); the text is already normalised, so the tokenizer only splits
-- it at the spaces and keeps every letter as written (no second diacritics rule that PostgreSQL would not share).
CREATE VIRTUAL TABLE event_text_fts USING fts5(full_text, public_text, content = 'event_text', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 0');

CREATE TRIGGER event_text_fts_insert AFTER INSERT ON event_text BEGIN
    INSERT INTO event_text_fts (rowid, full_text, public_text) VALUES (NEW.rowid, NEW.full_text, NEW.public_text);
END;

CREATE TRIGGER event_text_fts_delete AFTER DELETE ON event_text BEGIN
    INSERT INTO event_text_fts (event_text_fts, rowid, full_text, public_text) VALUES ('delete', OLD.rowid, OLD.full_text, OLD.public_text);
END;

CREATE TRIGGER event_text_fts_update AFTER UPDATE ON event_text BEGIN
    INSERT INTO event_text_fts (event_text_fts, rowid, full_text, public_text) VALUES ('delete', OLD.rowid, OLD.full_text, OLD.public_text);
    INSERT INTO event_text_fts (rowid, full_text, public_text) VALUES (NEW.rowid, NEW.full_text, NEW.public_text);
END;

-- Events whose text is to be (re)indexed.
CREATE TABLE event_text_pending (event_id TEXT PRIMARY KEY);

-- The confidential names public_text was redacted with (one row): a search below editor uses public_text only while
-- they are the names the sources register holds, so a source made confidential is never findable by the old text.
CREATE TABLE event_text_state (names TEXT NOT NULL);
INSERT INTO event_text_state (names) VALUES ('');

CREATE TRIGGER event_text_queue_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_text_pending (event_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER event_text_queue_update AFTER UPDATE OF payload, version ON events BEGIN
    INSERT INTO event_text_pending (event_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER event_text_queue_delete AFTER DELETE ON events BEGIN
    INSERT INTO event_text_pending (event_id) VALUES (OLD.id) ON CONFLICT DO NOTHING;
END;

-- An existing database gets its index on the first search.
INSERT INTO event_text_pending (event_id) SELECT id FROM events;
