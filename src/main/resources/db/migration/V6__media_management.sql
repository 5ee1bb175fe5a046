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
-- inserted with one now()). Serves the time window, the count and both sorts; the other filters are checked on the
-- rows it yields. docs/media-queries.md has the plans.
CREATE INDEX media_account_created_idx ON media (account_id, created_at, media_id);
