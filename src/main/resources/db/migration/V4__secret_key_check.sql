-- The check value of the key that encrypts access_key.secret_ciphertext: HMAC-SHA256 of a fixed text under that
-- key (core/secret/SecretKeys). It reveals nothing about the key, and lets a gateway started with another key
-- refuse to start instead of answering every call with an error. One row at most.
CREATE TABLE secret_key_check (
    id          SMALLINT    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    check_value TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
