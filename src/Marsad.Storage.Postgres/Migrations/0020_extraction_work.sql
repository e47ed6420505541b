-- Marsad schema on PostgreSQL, version 20: as Sqlite/0020. Workers claim rows with SELECT ... FOR UPDATE SKIP LOCKED.
CREATE TABLE extraction_work (
    document_id  TEXT PRIMARY KEY REFERENCES documents(id),
    leased_by    TEXT,
    lease_until  BIGINT,
    done_version TEXT,
    attempts     BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX extraction_work_open ON extraction_work (lease_until) WHERE done_version IS NULL;
