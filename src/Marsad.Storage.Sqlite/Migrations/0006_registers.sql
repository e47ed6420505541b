-- Marsad schema, version 6: the registers of persons, claims and allegations. Columns that listings filter on
-- without opening payloads (name, status, verdict, dates) and merges of duplicate records.
ALTER TABLE persons ADD COLUMN name TEXT;
ALTER TABLE persons ADD COLUMN person_status TEXT;
ALTER TABLE persons ADD COLUMN merged_into TEXT;
CREATE INDEX ix_persons_merged_into ON persons(merged_into);

ALTER TABLE claims ADD COLUMN verdict TEXT;
ALTER TABLE claims ADD COLUMN claim_date TEXT;
ALTER TABLE claims ADD COLUMN merged_into TEXT;
CREATE INDEX ix_claims_merged_into ON claims(merged_into);

ALTER TABLE allegations ADD COLUMN investigation_status TEXT;
ALTER TABLE allegations ADD COLUMN alleged_on TEXT;
ALTER TABLE allegations ADD COLUMN merged_into TEXT;
CREATE INDEX ix_allegations_merged_into ON allegations(merged_into);

-- Rows stored before this version: fill the columns from their payloads.
UPDATE persons SET name = json_extract(payload, '$.name'), person_status = json_extract(payload, '$.status'), merged_into = json_extract(payload, '$.merged_into');
UPDATE claims SET verdict = COALESCE(json_extract(payload, '$.verdict'), 'unverified'), claim_date = json_extract(payload, '$.date'), merged_into = json_extract(payload, '$.merged_into');
UPDATE allegations SET investigation_status = json_extract(payload, '$.history[#-1].status'), alleged_on = COALESCE(json_extract(payload, '$.date.start'), json_extract(payload, '$.history[0].since')), merged_into = json_extract(payload, '$.merged_into');
