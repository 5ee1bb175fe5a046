-- Removes the account's media among $2; their transcode jobs go with them (ON DELETE CASCADE). The object in the
-- bucket is not touched: the gateway registered it, it does not own it.
DELETE FROM media WHERE account_id = $1 AND media_id = ANY($2::text[]) RETURNING media_id
