-- A result: the job ends (once: a repeated or late result finds it finished and changes nothing), its media takes
-- the result's status, and what the callback needs is returned. $1 job id, $2 job status, $3 result JSON,
-- $4 media status.
WITH finished AS (
    UPDATE transcode_job SET status = $2, finished_at = now(), result = $3
    WHERE id = $1 AND status IN ('Pending', 'Dispatched')
    RETURNING media_id
), media_updated AS (
    UPDATE media m SET status = $4
    FROM finished f
    WHERE m.media_id = f.media_id
    RETURNING m.media_id, m.account_id, m.user_data
)
SELECT mu.media_id, mu.account_id, mu.user_data, ac.url AS account_url, ac.event_types
FROM media_updated mu
LEFT JOIN account_callback ac ON ac.account_id = mu.account_id
