SELECT object_key, media_id FROM media WHERE account_id = $1 AND storage_location = $2 AND object_key = ANY($3::text[])
