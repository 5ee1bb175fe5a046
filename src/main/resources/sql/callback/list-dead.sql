SELECT id, account_id, media_id, event_type, url, attempts, last_error, created_at, retry_since
FROM callback_event
WHERE status = 'Dead' AND ($1::bigint IS NULL OR account_id = $1) AND id > $2
ORDER BY id
LIMIT $3
