-- Accounts and what they own. Provisioned through the account feature (Panache), read on the hot path.
CREATE TABLE account (
    id                    BIGSERIAL PRIMARY KEY,
    name                  TEXT        NOT NULL UNIQUE,
    -- NULL means "use vod.rate-limit.default-per-second"
    rate_limit_per_second INTEGER CHECK (rate_limit_per_second > 0),
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE access_key (
    id                TEXT PRIMARY KEY,
    account_id        BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    -- AES-GCM(iv || ciphertext) under vod.auth.secret-encryption-key; the key never sits in the database
    secret_ciphertext BYTEA       NOT NULL,
    status            TEXT        NOT NULL DEFAULT 'Active' CHECK (status IN ('Active', 'Inactive')),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX access_key_account_idx ON access_key (account_id);

-- An object-storage bucket host (e.g. bucket.oss-cn-shanghai.aliyuncs.com). A bucket has exactly one owner.
CREATE TABLE storage_location (
    host       TEXT PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX storage_location_account_idx ON storage_location (account_id);

CREATE TABLE template_group (
    id         TEXT PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX template_group_account_idx ON template_group (account_id, id);

CREATE TABLE workflow (
    id         TEXT PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX workflow_account_idx ON workflow (account_id, id);

CREATE TABLE category (
    id         BIGSERIAL PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX category_account_idx ON category (account_id, id);

-- One row per registered file. The natural key is (account_id, file_url): registering twice is a no-op.
CREATE TABLE media (
    media_id          TEXT PRIMARY KEY DEFAULT replace(gen_random_uuid()::text, '-', ''),
    account_id        BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    file_url          TEXT        NOT NULL,
    storage_location  TEXT        NOT NULL,
    title             TEXT        NOT NULL,
    description       TEXT,
    tags              TEXT,
    cover_url         TEXT,
    cate_id           BIGINT,
    template_group_id TEXT,
    workflow_id       TEXT,
    -- kept as the caller's text so it round-trips byte for byte (jsonb would reorder keys)
    user_data         TEXT,
    status            TEXT        NOT NULL DEFAULT 'UploadSucc',
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT media_account_file_url_key UNIQUE (account_id, file_url)
);

-- Outbox: a pending job per newly registered file that asked for transcoding. Written in the same
-- statement as the media row, consumed by a transcoder.
CREATE TABLE transcode_job (
    id                BIGSERIAL PRIMARY KEY,
    media_id          TEXT        NOT NULL REFERENCES media (media_id) ON DELETE CASCADE,
    account_id        BIGINT      NOT NULL,
    template_group_id TEXT,
    workflow_id       TEXT,
    status            TEXT        NOT NULL DEFAULT 'Pending',
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((template_group_id IS NULL) <> (workflow_id IS NULL))
);
CREATE INDEX transcode_job_pending_idx ON transcode_job (id) WHERE status = 'Pending';
CREATE INDEX transcode_job_media_idx ON transcode_job (media_id);
