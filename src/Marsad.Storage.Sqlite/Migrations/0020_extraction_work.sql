-- Marsad schema, version 20: the work queue of `marsad worker`. One row per document a worker may read: who holds it
-- (leased_by) until when (lease_until, Unix milliseconds), and the engine version whose reading was committed
-- (done_version), set in the same transaction that stores the extraction. A lease that runs out lets another worker take
-- the document over; a worker commits only while the row is still its own, so no document is read into the record twice.
-- Not part of the record: db copy leaves it behind, and workers rebuild it from the documents table.
CREATE TABLE extraction_work (
    document_id  TEXT PRIMARY KEY REFERENCES documents(id),
    leased_by    TEXT,
    lease_until  INTEGER,
    done_version TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX extraction_work_open ON extraction_work (lease_until) WHERE done_version IS NULL;
