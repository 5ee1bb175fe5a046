-- One page of an account's media, newest last, and how many match in all ($7 rows after the first $8).
WITH page AS (
    SELECT m.media_id, m.file_url, m.storage_location, m.title, m.description, m.tags, m.cover_url, m.cate_id,
           c.name AS cate_name, m.template_group_id, m.user_data, m.status, m.created_at, m.modification_time,
           m.size, m.content_type, m.etag
    FROM media m
    LEFT JOIN category c ON c.id = m.cate_id AND c.account_id = m.account_id
    WHERE m.account_id = $1
      AND ($2::text[] IS NULL OR m.status = ANY($2::text[]))
      AND ($3::bigint IS NULL OR m.cate_id = $3)
      AND ($4::text IS NULL OR m.storage_location = $4)
      AND m.created_at >= coalesce($5::timestamptz, '-infinity')
      AND m.created_at < coalesce($6::timestamptz, 'infinity')
    ORDER BY m.created_at ASC, m.media_id ASC
    LIMIT $7 OFFSET $8
)
SELECT (SELECT count(*) FROM media m
    WHERE m.account_id = $1
      AND ($2::text[] IS NULL OR m.status = ANY($2::text[]))
      AND ($3::bigint IS NULL OR m.cate_id = $3)
      AND ($4::text IS NULL OR m.storage_location = $4)
      AND m.created_at >= coalesce($5::timestamptz, '-infinity')
      AND m.created_at < coalesce($6::timestamptz, 'infinity')) AS total,
       page.*
FROM (VALUES (1)) AS one (n)
LEFT JOIN page ON true
