-- Certificates: what each known TLS endpoint serves (updated by every probe) and its last renewal.
-- jOOQ generates its classes from this file in H2 (DDLDatabase), so stay with portable DDL.

CREATE TABLE certificates (
    endpoint   VARCHAR(300) PRIMARY KEY,
    serial     VARCHAR(100) NOT NULL,
    subject    TEXT         NOT NULL,
    sans       TEXT         NOT NULL,
    issuer     TEXT         NOT NULL,
    not_before TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after  TIMESTAMP WITH TIME ZONE NOT NULL,
    probed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    renewed_at TIMESTAMP WITH TIME ZONE,
    run_id     VARCHAR(200)
);
CREATE INDEX certificates_by_not_after ON certificates (not_after);

-- One ACME order per renewal run, stored before it is finalized so a retried or restarted activity
-- resumes it instead of ordering again. key_pem is the new private key: it is cleared once the run
-- no longer needs it (recorded or rolled back) and is never read by the API.
CREATE TABLE acme_orders (
    run_id     VARCHAR(200) PRIMARY KEY,
    order_url  TEXT         NOT NULL,
    key_pem    TEXT,
    chain_pem  TEXT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- HTTP-01 tokens waiting for the CA, answered at /.well-known/acme-challenge/{token} by any replica.
CREATE TABLE acme_challenges (
    token             VARCHAR(200) PRIMARY KEY,
    key_authorization TEXT         NOT NULL,
    run_id            VARCHAR(200) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Runs that must not overlap (two renewals of one endpoint) claim a key before they start. A claim
-- whose run has ended, or that never became a run, is taken over by the next trigger.
CREATE TABLE run_claims (
    claim_key  VARCHAR(400) PRIMARY KEY,
    run_id     VARCHAR(200) NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
