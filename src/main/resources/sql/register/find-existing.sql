SELECT file_url, media_id FROM media WHERE account_id = $1 AND file_url = ANY($2::text[])
