-- Marsad schema, version 1: documents and their sources, the four reviewed record kinds, and the audit chain.
-- Records keep their full state as JSON (payload) plus the columns queries filter on.

CREATE TABLE sources (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    name_key         TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL,
    confidential     INTEGER NOT NULL DEFAULT 0,
    url              TEXT,
    reliability_note TEXT,
    created_at       TEXT NOT NULL
);

CREATE TABLE documents (
    id              TEXT PRIMARY KEY,
    text_sha256     TEXT NOT NULL UNIQUE,
    original_sha256 TEXT NOT NULL,
    title           TEXT,
    published       TEXT,
    source_id       TEXT REFERENCES sources(id),
    url             TEXT,
    language        TEXT NOT NULL,
    media_type      TEXT NOT NULL,
    origin          TEXT NOT NULL,
    received_at     TEXT NOT NULL,
    clean_text      TEXT NOT NULL,
    original        BLOB NOT NULL
);
CREATE INDEX ix_documents_published ON documents(published);

CREATE TABLE events (
    id             TEXT PRIMARY KEY,
    version        INTEGER NOT NULL,
    status         TEXT NOT NULL,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    date_start     TEXT NOT NULL,
    date_end       TEXT NOT NULL,
    actor1         TEXT,
    actor2         TEXT,
    admin1         TEXT,
    admin2         TEXT,
    latitude       REAL,
    longitude      REAL,
    grade          TEXT,
    payload        TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX ix_events_date ON events(date_start, date_end);
CREATE INDEX ix_events_type ON events(sub_event_type);
CREATE INDEX ix_events_status ON events(status);

CREATE TABLE claims (
    id         TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    status     TEXT NOT NULL,
    payload    TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE persons (
    id         TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    status     TEXT NOT NULL,
    payload    TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE allegations (
    id         TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    status     TEXT NOT NULL,
    payload    TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Which documents report which record, for "everything this document gave us" and corroboration.
CREATE TABLE record_documents (
    record_kind TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id),
    PRIMARY KEY (record_kind, record_id, document_id)
);
CREATE INDEX ix_record_documents_document ON record_documents(document_id);

-- The audit chain: one sequence for the whole record; each row's hash covers its content and the previous hash.
CREATE TABLE revisions (
    seq          INTEGER PRIMARY KEY,
    entity_type  TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    action       TEXT NOT NULL,
    author       TEXT NOT NULL,
    at           TEXT NOT NULL,
    reason       TEXT,
    changes      TEXT NOT NULL,
    state_sha256 TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);
CREATE INDEX ix_revisions_entity ON revisions(entity_type, entity_id);
