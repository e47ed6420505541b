-- Marsad schema on PostgreSQL, version 1: as Sqlite/0001_initial.sql (documents and their sources, the four reviewed
-- record kinds, the audit chain), in PostgreSQL's types. Dates stay ISO text (YYYY-MM-DD, '' for an undated event):
-- the stores bind and compare them as text on both engines, and keyset paging needs '' to sort first.
-- row_order (an identity column) is the order rows were stored in, for reading a whole table page by page (SQLite's rowid);
-- it stands last where rows are also inserted without a column list.

CREATE TABLE sources (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    name_key         TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL,
    confidential     INTEGER NOT NULL DEFAULT 0,
    url              TEXT,
    reliability_note TEXT,
    created_at       TEXT NOT NULL,
    row_order        BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
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
    original        BYTEA NOT NULL,
    row_order       BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);
CREATE INDEX ix_documents_published ON documents(published);

CREATE TABLE events (
    id             TEXT PRIMARY KEY,
    row_order      BIGINT GENERATED ALWAYS AS IDENTITY,
    version        BIGINT NOT NULL,
    status         TEXT NOT NULL,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    date_start     TEXT NOT NULL,
    date_end       TEXT NOT NULL,
    actor1         TEXT,
    actor2         TEXT,
    admin1         TEXT,
    admin2         TEXT,
    latitude       DOUBLE PRECISION,
    longitude      DOUBLE PRECISION,
    grade          TEXT,
    payload        TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_events_row_order ON events(row_order);
CREATE INDEX ix_events_date ON events(date_start, date_end);
CREATE INDEX ix_events_type ON events(sub_event_type);
CREATE INDEX ix_events_status ON events(status);

CREATE TABLE claims (
    id         TEXT PRIMARY KEY,
    row_order  BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    version    BIGINT NOT NULL,
    status     TEXT NOT NULL,
    payload    TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE persons (
    id         TEXT PRIMARY KEY,
    row_order  BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    version    BIGINT NOT NULL,
    status     TEXT NOT NULL,
    payload    TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE allegations (
    id         TEXT PRIMARY KEY,
    row_order  BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    version    BIGINT NOT NULL,
    status     TEXT NOT NULL,
    payload    TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE record_documents (
    record_kind TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id),
    row_order   BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    PRIMARY KEY (record_kind, record_id, document_id)
);
CREATE INDEX ix_record_documents_document ON record_documents(document_id);

-- The audit chain: one sequence for the whole record (assigned by the writer holding the write lock, so it has no gaps).
CREATE TABLE revisions (
    seq          BIGINT PRIMARY KEY,
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
