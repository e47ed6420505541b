-- Workers claim the open rows in document order (ORDER BY document_id LIMIT n FOR UPDATE SKIP LOCKED). The only
-- index in that order was the primary key, which holds the done rows too: as work was finished every claim walked
-- past all of them (half of 50,000 rows done: about 90 ms a claim). Holding only open rows, this index gives the
-- next claimable ones first, whatever has been done.
CREATE INDEX extraction_work_open_order ON extraction_work (document_id) WHERE done_version IS NULL;
