-- The media read and management APIs (GetVideoInfo, GetVideoList, UpdateVideoInfo, DeleteVideo).
--
-- Status: the real service's values only. A file registered without transcoding is playable as it is, so it is
-- 'Normal' (what a caller of the real service waits for); one with a queued transcode job stays 'UploadSucc' until
-- a transcoder moves it on. Rows written before this version all said 'UploadSucc'.
UPDATE media m SET status = 'Normal'
WHERE status = 'UploadSucc' AND NOT EXISTS (SELECT 1 FROM transcode_job j WHERE j.media_id = m.media_id);
ALTER TABLE media ADD CONSTRAINT media_status_check CHECK (status IN ('Uploading', 'UploadFail', 'UploadSucc',
    'Transcoding', 'TranscodeFail', 'Checking', 'Blocked', 'Normal', 'ProduceFail'));

-- GetVideoList: one account's media by creation time, either direction, with media_id breaking ties (a batch is
-- inserted with one now()). Its key serves the time window and both sorts; the included filter columns let the
-- count be an index-only scan and the page skip non-matching rows before reading the table.
-- docs/media-queries.md has the plans at 1 million rows.
CREATE INDEX media_account_created_idx ON media (account_id, created_at, media_id)
    INCLUDE (status, cate_id, storage_location);
