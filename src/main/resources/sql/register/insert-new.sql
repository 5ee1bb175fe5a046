WITH refs AS (
    SELECT EXISTS (SELECT 1 FROM storage_location WHERE host = $2 AND account_id = $1) AS storage_ok,
           ($3::text IS NULL OR EXISTS (
               SELECT 1 FROM template_group WHERE id = $3 AND account_id = $1)) AS template_group_ok,
           ($4::text IS NULL OR EXISTS (
               SELECT 1 FROM workflow WHERE id = $4 AND account_id = $1)) AS workflow_ok,
           NOT EXISTS (
               SELECT 1 FROM unnest($5::bigint[]) AS wanted(id)
               WHERE NOT EXISTS (SELECT 1 FROM category c WHERE c.id = wanted.id AND c.account_id = $1)
           ) AS categories_ok
), inserted AS (
    INSERT INTO media (account_id, file_url, storage_location, title, description, tags, cover_url,
                       cate_id, template_group_id, workflow_id, user_data, status)
    -- playable as it is without transcoding ('Normal'); 'UploadSucc' until a transcoder takes its job
    SELECT $1, f.file_url, $2, f.title, f.description, f.tags, f.cover_url, f.cate_id, $3, $4, $12,
           CASE WHEN $3::text IS NULL AND $4::text IS NULL THEN 'Normal' ELSE 'UploadSucc' END
    FROM refs,
         unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bigint[])
             AS f(file_url, title, description, tags, cover_url, cate_id)
    WHERE refs.storage_ok AND refs.template_group_ok AND refs.workflow_ok AND refs.categories_ok
    -- one lock order for every statement, so overlapping batches cannot deadlock
    ORDER BY f.file_url
    ON CONFLICT (account_id, file_url) DO NOTHING
    RETURNING media_id, file_url
), jobs AS (
    INSERT INTO transcode_job (media_id, account_id, template_group_id, workflow_id)
    SELECT media_id, $1, $3, $4 FROM inserted WHERE $3::text IS NOT NULL OR $4::text IS NOT NULL
)
SELECT r.storage_ok, r.template_group_ok, r.workflow_ok, r.categories_ok, i.file_url, i.media_id
FROM refs r LEFT JOIN inserted i ON true
