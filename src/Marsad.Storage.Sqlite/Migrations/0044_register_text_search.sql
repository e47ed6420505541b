-- Marsad schema on SQLite, version 44: full-text search over the registers (persons, claims, allegations), as
-- 0030 does for events. Each record's text fields in NameNormaliser's form are kept three times: as stored (full_text,
-- for editors), as viewers and coders read the record (team_text: confidential source names redacted, a person's
-- unreleased sensitive fields withheld) and as the public reads it (public_text: the same, and what the public alone
-- may not read withheld). Marsad writes them (Registers/Search/RegisterTextIndex), since the masking is .NET's; the
-- triggers only queue changed records. kind is the record's table.
CREATE TABLE register_text (
    kind        TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    version     INTEGER NOT NULL,
    full_text   TEXT NOT NULL,
    team_text   TEXT NOT NULL,
    public_text TEXT NOT NULL,
    PRIMARY KEY (kind, record_id)
);

CREATE VIRTUAL TABLE register_text_fts USING fts5(full_text, team_text, public_text, content = 'register_text', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 0');

CREATE TRIGGER register_text_fts_insert AFTER INSERT ON register_text BEGIN
    INSERT INTO register_text_fts (rowid, full_text, team_text, public_text) VALUES (NEW.rowid, NEW.full_text, NEW.team_text, NEW.public_text);
END;

CREATE TRIGGER register_text_fts_delete AFTER DELETE ON register_text BEGIN
    INSERT INTO register_text_fts (register_text_fts, rowid, full_text, team_text, public_text) VALUES ('delete', OLD.rowid, OLD.full_text, OLD.team_text, OLD.public_text);
END;

CREATE TRIGGER register_text_fts_update AFTER UPDATE ON register_text BEGIN
    INSERT INTO register_text_fts (register_text_fts, rowid, full_text, team_text, public_text) VALUES ('delete', OLD.rowid, OLD.full_text, OLD.team_text, OLD.public_text);
    INSERT INTO register_text_fts (rowid, full_text, team_text, public_text) VALUES (NEW.rowid, NEW.full_text, NEW.team_text, NEW.public_text);
END;

CREATE TABLE register_text_pending (kind TEXT NOT NULL, record_id TEXT NOT NULL, PRIMARY KEY (kind, record_id));

-- The confidential names team_text and public_text were redacted with (one row; see event_text_state).
CREATE TABLE register_text_state (names TEXT NOT NULL);
INSERT INTO register_text_state (names) VALUES ('');

CREATE TRIGGER persons_text_queue_insert AFTER INSERT ON persons BEGIN
    INSERT INTO register_text_pending (kind, record_id) VALUES ('persons', NEW.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER persons_text_queue_update AFTER UPDATE OF payload, version ON persons BEGIN
    INSERT INTO register_text_pending (kind, record_id) VALUES ('persons', NEW.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER persons_text_queue_delete AFTER DELETE ON persons BEGIN
    INSERT INTO register_text_pending (kind, record_id) VALUES ('persons', OLD.id) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER claims_text_queue_insert AFTER INSERT ON claims BEGIN
    INSERT INTO register_text_pending (kind, record_id) VALUES ('claims', NEW.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER claims_text_queue_update AFTER UPDATE OF payload, version ON claims BEGIN
    INSERT INTO register_text_pending (kind, record_id) VALUES ('claims', NEW.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER claims_text_queue_delete AFTER DELETE ON claims BEGIN
    INSERT INTO register_text_pending (kind, record_id) VALUES ('claims', OLD.id) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER allegations_text_queue_insert AFTER INSERT ON allegations BEGIN
    INSERT INTO register_text_pending (kind, record_id) VALUES ('allegations', NEW.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER allegations_text_queue_update AFTER UPDATE OF payload, version ON allegations BEGIN
    INSERT INTO register_text_pending (kind, record_id) VALUES ('allegations', NEW.id) ON CONFLICT DO NOTHING;
END;
CREATE TRIGGER allegations_text_queue_delete AFTER DELETE ON allegations BEGIN
    INSERT INTO register_text_pending (kind, record_id) VALUES ('allegations', OLD.id) ON CONFLICT DO NOTHING;
END;

INSERT INTO register_text_pending (kind, record_id) SELECT 'persons', id FROM persons;
INSERT INTO register_text_pending (kind, record_id) SELECT 'claims', id FROM claims;
INSERT INTO register_text_pending (kind, record_id) SELECT 'allegations', id FROM allegations;
