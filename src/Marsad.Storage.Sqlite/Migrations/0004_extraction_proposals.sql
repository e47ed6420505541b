-- Marsad schema, version 4: what a newer extraction engine would change in records people already
-- reviewed. Re-extraction never overwrites those; it leaves its proposal here for a coder.
CREATE TABLE extraction_proposals (
    id             INTEGER PRIMARY KEY,
    document_id    TEXT NOT NULL REFERENCES documents(id),
    engine_version TEXT NOT NULL,
    record_kind    TEXT NOT NULL,
    record_id      TEXT NOT NULL,
    changes        TEXT NOT NULL,
    proposed_at    TEXT NOT NULL
);
CREATE INDEX ix_extraction_proposals_record ON extraction_proposals(record_kind, record_id);
