-- Marsad schema on PostgreSQL, version 6: as Sqlite/0006. A PostgreSQL database is created at the current schema,
-- so there are no older rows to fill from their payloads.
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
