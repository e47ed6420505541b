-- Marsad schema, version 8: the people who use the web dashboard and API, their personal API tokens, and
-- indexes the API's listings need.
-- Passwords are kept only as ASP.NET Core Identity hashes (PBKDF2 with a salt); tokens only as SHA-256.
-- updated_at on events already says when each event last changed; the index makes incremental sync cheap.
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    name_key      TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users(id),
    token_sha256 TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    revoked_at   TEXT
);
CREATE INDEX ix_api_tokens_user ON api_tokens(user_id);
CREATE INDEX ix_events_updated_at ON events(updated_at);
-- Event listings by date, type or governorate read a window, not the table: the longest span of any event
-- (an expression index answers MAX at once) gives date_start a lower bound, and type/governorate come with dates.
CREATE INDEX ix_events_span ON events((julianday(date_end) - julianday(date_start)));
CREATE INDEX ix_events_type_date ON events(event_type, date_start);
CREATE INDEX ix_events_admin1_date ON events(admin1, date_start);
