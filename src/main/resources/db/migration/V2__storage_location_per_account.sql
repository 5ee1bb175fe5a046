-- Storage locations are per account: two tenants may register files of the same bucket host, and each gets
-- its own MediaIds (tenant isolation), so a host is unique within an account only.
ALTER TABLE storage_location DROP CONSTRAINT storage_location_pkey;
DROP INDEX storage_location_account_idx;
ALTER TABLE storage_location ADD COLUMN id BIGSERIAL PRIMARY KEY;
ALTER TABLE storage_location ADD CONSTRAINT storage_location_account_host_key UNIQUE (account_id, host);
