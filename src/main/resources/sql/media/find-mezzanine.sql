SELECT m.media_id, m.file_url, m.storage_location, m.title, m.description, m.tags, m.cover_url, m.cate_id,
       c.name AS cate_name, m.template_group_id, m.user_data, m.status, m.created_at, m.modification_time,
       m.size, m.content_type, m.etag,
       sl.endpoint, sl.region, sl.bucket, sl.addressing_style, sl.access_key_id, sl.secret_ciphertext
FROM media m
LEFT JOIN category c ON c.id = m.cate_id AND c.account_id = m.account_id
LEFT JOIN storage_location sl ON sl.account_id = m.account_id AND sl.host = m.storage_location
WHERE m.media_id = $2 AND m.account_id = $1
