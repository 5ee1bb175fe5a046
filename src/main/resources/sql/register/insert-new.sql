-- $1 account, $2 storage location host, $3 template group, $4 workflow, $5 wanted categories,
-- per file: $6 registration key, $7 FileURL as sent, $8 title, $9 description, $10 tags, $11 cover, $12 category,
-- $13 UserData, $14 checked (the files were found in the object store), and what the store said about each file:
-- $15 size, $16 content type, $17 ETag, $18 last modified.
-- A location with a connection inserts nothing until its files were checked ($14): it answers with its connection
-- and with the files registered before, which are never checked again.
WITH refs AS (
    SELECT sl.id IS NOT NULL AS storage_ok,
           sl.endpoint, sl.region, sl.bucket, sl.addressing_style, sl.access_key_id, sl.secret_ciphertext,
           ($3::text IS NULL OR EXISTS (
               SELECT 1 FROM template_group WHERE id = $3 AND account_id = $1)) AS template_group_ok,
           ($4::text IS NULL OR EXISTS (
               SELECT 1 FROM workflow WHERE id = $4 AND account_id = $1)) AS workflow_ok,
           NOT EXISTS (
               SELECT 1 FROM unnest($5::bigint[]) AS wanted(id)
               WHERE NOT EXISTS (SELECT 1 FROM category c WHERE c.id = wanted.id AND c.account_id = $1)
           ) AS categories_ok
    FROM (SELECT 1) AS one LEFT JOIN storage_location sl ON sl.host = $2 AND sl.account_id = $1
), inserted AS (
    INSERT INTO media (account_id, object_key, file_url, storage_location, title, description, tags, cover_url,
                       cate_id, template_group_id, workflow_id, user_data, size, content_type, etag, last_modified,
                       status)
    -- playable as it is without transcoding ('Normal'); 'UploadSucc' until a transcoder takes its job
    SELECT $1, f.object_key, f.file_url, $2, f.title, f.description, f.tags, f.cover_url, f.cate_id, $3, $4, $13,
           f.size, f.content_type, f.etag, f.last_modified,
           CASE WHEN $3::text IS NULL AND $4::text IS NULL THEN 'Normal' ELSE 'UploadSucc' END
    FROM refs,
         unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::bigint[],
                $15::bigint[], $16::text[], $17::text[], $18::timestamptz[])
             AS f(object_key, file_url, title, description, tags, cover_url, cate_id,
                  size, content_type, etag, last_modified)
    WHERE refs.storage_ok AND refs.template_group_ok AND refs.workflow_ok AND refs.categories_ok
      AND (refs.endpoint IS NULL OR $14::boolean)
    -- one lock order for every statement, so overlapping batches cannot deadlock
    ORDER BY f.object_key
    ON CONFLICT (account_id, storage_location, object_key) DO NOTHING
    RETURNING media_id, object_key
), jobs AS (
    INSERT INTO transcode_job (media_id, account_id, template_group_id, workflow_id)
    SELECT media_id, $1, $3, $4 FROM inserted WHERE $3::text IS NOT NULL OR $4::text IS NOT NULL
), existing AS (
    SELECT m.object_key, m.media_id
    FROM refs, media m
    WHERE refs.endpoint IS NOT NULL AND NOT $14::boolean
      AND m.account_id = $1 AND m.storage_location = $2 AND m.object_key = ANY($6::text[])
), answer AS (
    SELECT object_key, media_id, true AS created FROM inserted
    UNION ALL
    SELECT object_key, media_id, false AS created FROM existing
)
SELECT r.storage_ok, r.template_group_ok, r.workflow_ok, r.categories_ok,
       r.endpoint, r.region, r.bucket, r.addressing_style, r.access_key_id, r.secret_ciphertext,
       a.object_key, a.media_id, a.created
FROM refs r LEFT JOIN answer a ON true
