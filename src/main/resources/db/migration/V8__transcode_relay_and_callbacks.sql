-- Issue 14: the transcode_job outbox is relayed to RabbitMQ, results come back, events go out as HTTP callbacks.

-- What happened to a job after it was written as 'Pending' (Pending -> Dispatched -> Succeeded | Failed).
ALTER TABLE transcode_job
    ADD COLUMN dispatched_at TIMESTAMPTZ,
    ADD COLUMN finished_at   TIMESTAMPTZ,
    ADD COLUMN result        TEXT;
CREATE INDEX transcode_job_dispatched_idx ON transcode_job (id) WHERE status = 'Dispatched';

-- Wakes the relay (LISTEN vod_transcode_job) when registration writes jobs. A statement-level trigger rather than
-- pg_notify in register/insert-new.sql: the hot-path statement stays as it is, a registration of ten files
-- notifies once, and a registration without transcoding does not notify at all (the transition table is empty).
-- That matters because NOTIFY serialises the commits of notifying transactions on one lock. Polling covers a lost
-- notification.
CREATE FUNCTION transcode_job_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_jobs) THEN
        PERFORM pg_notify('vod_transcode_job', '');
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER transcode_job_inserted AFTER INSERT ON transcode_job
    REFERENCING NEW TABLE AS new_jobs
    FOR EACH STATEMENT EXECUTE FUNCTION transcode_job_notify();

-- The account's callback (set through the admin API): where events go when the media names no CallbackURL.
CREATE TABLE account_callback (
    account_id  BIGINT PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    url         TEXT   NOT NULL,
    -- the shared key of the MD5 signature; NULL = unsigned callbacks
    auth_key    TEXT,
    event_types TEXT[] NOT NULL DEFAULT '{TranscodeComplete}'
);

-- Callback outbox: one row per event, written in the transaction that changed the status it reports.
CREATE TABLE callback_event (
    id              BIGSERIAL PRIMARY KEY,
    account_id      BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    media_id        TEXT,
    event_type      TEXT        NOT NULL,
    url             TEXT        NOT NULL,
    payload         TEXT        NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'Pending' CHECK (status IN ('Pending', 'Delivered', 'Dead')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    -- the maximum age counts from here (creation, or the last redelivery through the admin API)
    retry_since     TIMESTAMPTZ NOT NULL DEFAULT now(),
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at    TIMESTAMPTZ
);
CREATE INDEX callback_event_due_idx ON callback_event (next_attempt_at) WHERE status = 'Pending';
CREATE INDEX callback_event_dead_idx ON callback_event (account_id, id) WHERE status = 'Dead';
