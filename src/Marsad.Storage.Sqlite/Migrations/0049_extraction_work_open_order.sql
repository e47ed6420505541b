-- Workers claim the open rows in document order. The primary key holds the done rows too, so each claim walked past
-- every document already read; an index of the open rows alone gives the next claimable ones first.
CREATE INDEX extraction_work_open_order ON extraction_work (document_id) WHERE done_version IS NULL;
