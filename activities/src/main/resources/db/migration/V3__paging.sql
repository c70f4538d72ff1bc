-- Paging: escalations, every page they sent, notes for the incident's timeline, and SMS opt-outs.
-- jOOQ generates its classes from this file in H2 (DDLDatabase), so stay with portable DDL.

-- One row per escalation workflow; the id is its workflow id. The plan is the policy as it stood when
-- paging started, so a retried plan activity answers exactly what the first attempt answered.
-- A reply code is held only while the escalation pages: it is cleared when it settles or runs out, so
-- codes are reused, and the unique constraint (NULLs excepted) keeps live codes apart.
-- Incident ids are strings without a foreign key: a runbook may page without an incident, and nothing
-- forces the incident row to exist first. Indexed columns are VARCHAR, because H2 (where jOOQ replays
-- this script) cannot index TEXT.
CREATE TABLE escalations (
    id             VARCHAR(700) PRIMARY KEY,
    subject_id     TEXT         NOT NULL,
    incident_id    VARCHAR(200),
    run_id         TEXT,
    policy         VARCHAR(200) NOT NULL,
    plan           JSONB        NOT NULL,
    reply_code     VARCHAR(4)   UNIQUE,
    status         VARCHAR(32)  NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    settled_action VARCHAR(32),
    settled_by     TEXT,
    settled_via    VARCHAR(64),
    settled_at     TIMESTAMP WITH TIME ZONE,
    final_action   VARCHAR(32),
    ended_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX escalations_by_incident ON escalations (incident_id, started_at);

-- One row per page; the id is the workflow's page id, the send activity's idempotency key. A row in
-- SENDING without a provider reference is a send whose outcome was never recorded.
-- Pages rolled up into one message share its provider reference.
CREATE TABLE pages (
    id              VARCHAR(700) PRIMARY KEY,
    escalation_id   VARCHAR(700) NOT NULL REFERENCES escalations (id),
    incident_id     VARCHAR(200),
    round           INTEGER      NOT NULL,
    level           INTEGER      NOT NULL,
    person          TEXT,
    channel         VARCHAR(16)  NOT NULL,
    address         VARCHAR(200) NOT NULL,
    summary         TEXT,
    severity        VARCHAR(32),
    link            TEXT,
    reply_code      VARCHAR(4),
    status          VARCHAR(16)  NOT NULL,
    provider_ref    VARCHAR(200),
    detail          TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    settle_notified BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX pages_by_provider_ref ON pages (provider_ref);
CREATE INDEX pages_by_escalation ON pages (escalation_id, created_at);
CREATE INDEX pages_by_incident ON pages (incident_id, created_at, id);
CREATE INDEX pages_by_created ON pages (created_at, id);
CREATE INDEX pages_by_status ON pages (status, created_at);
CREATE INDEX pages_by_address ON pages (address, reply_code, created_at);

-- Lines an escalation adds to its incident's timeline (a skipped contact, a failed delivery). They are
-- kept apart from incident_events, whose numbering belongs to the incident workflow's journal.
-- note_key is the writing activity's workflow run and activity id, so a retried note lands once.
-- No foreign key: an escalation may note why it could not even plan.
CREATE TABLE escalation_notes (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    escalation_id VARCHAR(700) NOT NULL,
    incident_id   VARCHAR(200),
    note_key      VARCHAR(900) NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    kind          VARCHAR(64)  NOT NULL,
    detail        TEXT,
    CONSTRAINT escalation_notes_once UNIQUE (escalation_id, note_key)
);
CREATE INDEX escalation_notes_by_incident ON escalation_notes (incident_id, at);

-- Numbers that sent STOP; SMS skips them until they send START.
CREATE TABLE sms_opt_outs (
    phone        VARCHAR(32) PRIMARY KEY,
    opted_out_at TIMESTAMP WITH TIME ZONE NOT NULL
);
