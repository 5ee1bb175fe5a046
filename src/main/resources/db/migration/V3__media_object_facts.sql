-- What the object store says about a registered file (filled by the storage check when the storage location has a
-- connection, NULL otherwise), and when the media's own fields last changed (UpdateVideoInfo). Read back by
-- GetMezzanineInfo and GetVideoInfo.
ALTER TABLE media
    ADD COLUMN size              BIGINT,
    ADD COLUMN content_type      TEXT,
    ADD COLUMN etag              TEXT,
    ADD COLUMN last_modified     TIMESTAMPTZ,
    ADD COLUMN modification_time TIMESTAMPTZ;
