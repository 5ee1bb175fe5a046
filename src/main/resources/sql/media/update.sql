-- Changes only what the call gives ($3..$6 NULL = unchanged, '' = cleared; $7 NULL = unchanged), when the video is
-- the account's and the category, if any, is too. One statement: no window between the checks and the change.
WITH refs AS (
    SELECT ($7::bigint IS NULL OR EXISTS (
               SELECT 1 FROM category WHERE id = $7 AND account_id = $1)) AS category_ok
), updated AS (
    UPDATE media SET
        title             = coalesce($3, title),
        description       = CASE WHEN $4::text IS NULL THEN description ELSE nullif($4, '') END,
        tags              = CASE WHEN $5::text IS NULL THEN tags ELSE nullif($5, '') END,
        cover_url         = CASE WHEN $6::text IS NULL THEN cover_url ELSE nullif($6, '') END,
        cate_id           = coalesce($7, cate_id),
        modification_time = now()
    FROM refs
    WHERE media_id = $2 AND account_id = $1 AND refs.category_ok
    RETURNING media_id
)
SELECT r.category_ok,
       EXISTS (SELECT 1 FROM media WHERE media_id = $2 AND account_id = $1) AS video_found
FROM refs r
