-- Tenant isolation: a bucket host may be registered by several accounts, each seeing only its own media
-- (the same FileURL registered by two accounts gives two MediaIds; media is already unique per account).
ALTER TABLE storage_location DROP CONSTRAINT storage_location_pkey;
ALTER TABLE storage_location ADD PRIMARY KEY (account_id, host);
DROP INDEX IF EXISTS storage_location_account_idx;
