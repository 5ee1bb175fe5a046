-- After the broker confirmed: the jobs are Dispatched (at the time of this statement, so dispatched_at - created_at is the
-- relay's lag) and their media Transcoding (unless a result already came).
WITH dispatched AS (
    UPDATE transcode_job SET status = 'Dispatched', dispatched_at = clock_timestamp()
    WHERE id = ANY($1::bigint[]) AND status = 'Pending'
    RETURNING media_id
)
UPDATE media SET status = 'Transcoding'
WHERE media_id IN (SELECT media_id FROM dispatched) AND status = 'UploadSucc'
