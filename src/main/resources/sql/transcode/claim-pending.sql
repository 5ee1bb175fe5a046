-- The relay's batch: the oldest Pending jobs no other relay holds. The row locks last until the relay's transaction
-- ends (after the broker confirmed and the jobs were marked), so concurrent relays never take the same job.
SELECT j.id, j.media_id, j.account_id, j.template_group_id, j.workflow_id,
       extract(epoch FROM now() - j.created_at) AS age_seconds,
       m.file_url, m.storage_location, m.user_data, m.size, m.content_type,
       sl.endpoint, sl.region, sl.bucket, sl.addressing_style, sl.access_key_id, sl.secret_ciphertext
FROM transcode_job j
JOIN media m ON m.media_id = j.media_id
LEFT JOIN storage_location sl ON sl.account_id = m.account_id AND sl.host = m.storage_location
WHERE j.status = 'Pending'
ORDER BY j.id
LIMIT $1
FOR UPDATE OF j SKIP LOCKED
