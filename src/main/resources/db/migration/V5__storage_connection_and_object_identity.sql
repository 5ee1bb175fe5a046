-- Storage locations may carry a connection to their bucket (all six settings or none). Without one, files are
-- registered unchecked, as before. The secret is AES-GCM ciphertext under vod.account.secret-encryption-key, as
-- AccessKey secrets are.
ALTER TABLE storage_location
    ADD COLUMN endpoint          TEXT,
    ADD COLUMN region            TEXT,
    ADD COLUMN bucket            TEXT,
    ADD COLUMN addressing_style  TEXT CHECK (addressing_style IN ('virtual-hosted', 'path')),
    ADD COLUMN access_key_id     TEXT,
    ADD COLUMN secret_ciphertext BYTEA,
    ADD CONSTRAINT storage_location_connection_complete CHECK (
        (endpoint IS NULL) = (region IS NULL) AND (endpoint IS NULL) = (bucket IS NULL)
        AND (endpoint IS NULL) = (addressing_style IS NULL) AND (endpoint IS NULL) = (access_key_id IS NULL)
        AND (endpoint IS NULL) = (secret_ciphertext IS NULL));

-- The decoding rule of core/validation/PercentDecoding, for the rows stored before it: each run of %XX escapes is
-- decoded as UTF-8 unless it is not valid UTF-8 or decodes to a control character; then it stays, hex upper-cased.
CREATE FUNCTION pg_temp.percent_decode(path TEXT) RETURNS TEXT LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    out     TEXT := '';
    piece   TEXT[];
    decoded TEXT;
BEGIN
    FOR piece IN SELECT regexp_matches(path, '((?:%[0-9A-Fa-f]{2})+)|([^%]+|%)', 'g') LOOP
        IF piece[1] IS NULL THEN
            out := out || piece[2];
        ELSE
            BEGIN
                decoded := convert_from(decode(replace(piece[1], '%', ''), 'hex'), 'UTF8');
                IF decoded ~ '[\x01-\x1f\x7f-\x9f]' THEN
                    decoded := upper(piece[1]);
                END IF;
            EXCEPTION WHEN OTHERS THEN
                decoded := upper(piece[1]);
            END;
            out := out || decoded;
        END IF;
    END LOOP;
    RETURN out;
END $$;

-- A host with an explicit :80 or :443 is the same storage location as without (core/validation/FileUrl).
DELETE FROM storage_location s WHERE s.host ~ ':(80|443)?$' AND EXISTS (
    SELECT 1 FROM storage_location o WHERE o.account_id = s.account_id AND o.host = regexp_replace(s.host, ':(80|443)?$', ''));
UPDATE storage_location SET host = regexp_replace(host, ':(80|443)?$', '') WHERE host ~ ':(80|443)?$';
UPDATE media SET storage_location = regexp_replace(storage_location, ':(80|443)?$', '')
WHERE storage_location ~ ':(80|443)?$';

-- One object, one registration: the key is (account, storage location, decoded object path) instead of the URL
-- text. file_url keeps the URL of the first registration.
ALTER TABLE media ADD COLUMN object_key TEXT;
UPDATE media SET object_key = pg_temp.percent_decode(substring(file_url FROM '^[A-Za-z]+://[^/]*/([^?#]*)'));

-- Rows that now name the same object as an earlier row keep their MediaId but give up the key: the earliest
-- registration (by time, then MediaId) answers for the object from now on.
UPDATE media m SET object_key = NULL
FROM (SELECT media_id, row_number() OVER (PARTITION BY account_id, storage_location, object_key
                                          ORDER BY created_at, media_id) AS n
      FROM media) ranked
WHERE m.media_id = ranked.media_id AND ranked.n > 1;

ALTER TABLE media DROP CONSTRAINT media_account_file_url_key;
ALTER TABLE media ADD CONSTRAINT media_account_object_key UNIQUE (account_id, storage_location, object_key);
