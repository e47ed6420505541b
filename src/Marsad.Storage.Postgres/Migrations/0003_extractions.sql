-- Marsad schema on PostgreSQL, version 3: as Sqlite/0003.
CREATE TABLE extractions (
    document_id    TEXT NOT NULL REFERENCES documents(id),
    engine_version TEXT NOT NULL,
    extracted_at   TEXT NOT NULL,
    clean_text     TEXT NOT NULL,
    result         TEXT NOT NULL,
    events         BIGINT NOT NULL,
    claims         BIGINT NOT NULL,
    persons        BIGINT NOT NULL,
    allegations    BIGINT NOT NULL,
    checks         BIGINT NOT NULL,
    row_order      BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    PRIMARY KEY (document_id, engine_version)
);
