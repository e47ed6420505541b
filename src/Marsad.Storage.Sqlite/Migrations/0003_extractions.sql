-- Marsad schema, version 3: what the extraction engine read in each document. The candidates it
-- proposed are ordinary records (status 'extracted'); this keeps the engine's clean text (which their
-- evidence spans point into), its checks and its full output, per engine version.
CREATE TABLE extractions (
    document_id    TEXT NOT NULL REFERENCES documents(id),
    engine_version TEXT NOT NULL,
    extracted_at   TEXT NOT NULL,
    clean_text     TEXT NOT NULL,
    result         TEXT NOT NULL,
    events         INTEGER NOT NULL,
    claims         INTEGER NOT NULL,
    persons        INTEGER NOT NULL,
    allegations    INTEGER NOT NULL,
    checks         INTEGER NOT NULL,
    PRIMARY KEY (document_id, engine_version)
);
