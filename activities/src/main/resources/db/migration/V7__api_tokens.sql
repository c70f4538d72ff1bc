-- API tokens: who may use /api, with which role. jOOQ generates its classes from this file in H2
-- (DDLDatabase), so stay with portable DDL.
--
-- Only the SHA-256 of a token is kept (hex); the token itself is shown once, when it is created.
-- live_name is the name while the token is live and NULL once it is revoked: its UNIQUE constraint
-- keeps names unique among live tokens (NULLs never collide), without a partial index H2 cannot read.
CREATE TABLE api_tokens (
    id           UUID         PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    live_name    VARCHAR(100) UNIQUE,
    role         VARCHAR(16)  NOT NULL,
    person       VARCHAR(200),
    token_hash   VARCHAR(64)  NOT NULL UNIQUE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(200) NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_tokens_by_created ON api_tokens (created_at);
