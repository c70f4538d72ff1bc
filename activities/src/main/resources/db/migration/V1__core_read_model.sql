-- The core read model: what people query about incidents, alerts, runs and their steps, and the audit log.
-- Temporal is the source of truth for what runs; these tables are written by idempotent activities.
-- jOOQ generates its classes from this file in H2 (DDLDatabase), so stay with portable DDL.

CREATE TABLE incidents (
    id              UUID PRIMARY KEY,
    source          VARCHAR(64)  NOT NULL,
    dedupe_key      VARCHAR(512) NOT NULL,
    workflow_id     VARCHAR(700) NOT NULL,
    status          VARCHAR(32)  NOT NULL,
    severity        VARCHAR(32),
    summary         TEXT,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    resolved_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX incidents_by_opened ON incidents (opened_at);
CREATE INDEX incidents_by_status ON incidents (status, opened_at);

CREATE TABLE alerts (
    id          UUID PRIMARY KEY,
    incident_id UUID REFERENCES incidents (id),
    source      VARCHAR(64)  NOT NULL,
    dedupe_key  VARCHAR(512) NOT NULL,
    status      VARCHAR(32)  NOT NULL,
    severity    VARCHAR(32),
    summary     TEXT,
    labels      JSONB,
    annotations JSONB,
    starts_at   TIMESTAMP WITH TIME ZONE,
    ends_at     TIMESTAMP WITH TIME ZONE,
    link        TEXT,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    payload     JSONB        NOT NULL
);
CREATE INDEX alerts_by_incident ON alerts (incident_id, received_at);

-- A run is one execution of a runbook; its id is the Temporal workflow id.
CREATE TABLE runs (
    id          VARCHAR(200) PRIMARY KEY,
    runbook     VARCHAR(100) NOT NULL,
    status      VARCHAR(32)  NOT NULL,
    input       JSONB        NOT NULL,
    result      JSONB,
    failure     TEXT,
    incident_id UUID REFERENCES incidents (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX runs_by_created ON runs (created_at, id);
CREATE INDEX runs_by_status ON runs (status, created_at);
CREATE INDEX runs_by_runbook ON runs (runbook, created_at);

-- Steps are keyed by their position in the run, so a retried journal write lands on the same row.
CREATE TABLE steps (
    run_id     VARCHAR(200) NOT NULL REFERENCES runs (id),
    seq        INTEGER      NOT NULL,
    name       VARCHAR(200) NOT NULL,
    state      VARCHAR(32)  NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at   TIMESTAMP WITH TIME ZONE,
    detail     TEXT,
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE audit_log (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(200) NOT NULL,
    action         VARCHAR(100) NOT NULL,
    object_type    VARCHAR(64)  NOT NULL,
    object_id      VARCHAR(200) NOT NULL,
    remote_address VARCHAR(100),
    outcome        VARCHAR(32)  NOT NULL,
    detail         JSONB
);
CREATE INDEX audit_log_by_object ON audit_log (object_type, object_id);
CREATE INDEX audit_log_by_at ON audit_log (at);
