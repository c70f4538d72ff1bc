-- Approval gates: one row per gate, one per vote. jOOQ generates its classes from this file in H2
-- (DDLDatabase), so stay with portable DDL; indexed columns are VARCHAR.

-- The id is the gate's approval id (its workflow id is approval/<id>). The request is stored as asked;
-- approvers are the people who may decide, resolved when the gate opened and grown by an escalation.
-- outcome is the line a run's timeline shows; messages and escalation_messages are the Slack messages
-- that asked the group and the escalation group, kept apart so each is asked once across retries.
CREATE TABLE approvals (
    id             VARCHAR(100) PRIMARY KEY,
    run_id         TEXT,
    title          TEXT         NOT NULL,
    request        JSONB        NOT NULL,
    approver_group VARCHAR(200) NOT NULL,
    approvers      JSONB        NOT NULL,
    required       INTEGER      NOT NULL,
    requester      TEXT,
    status         VARCHAR(16)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    escalated_at   TIMESTAMP WITH TIME ZONE,
    decided_at     TIMESTAMP WITH TIME ZONE,
    outcome        TEXT,
    messages            JSONB,
    escalation_messages JSONB
);
CREATE INDEX approvals_by_status ON approvals (status, created_at);

-- One vote per person and gate: the primary key makes a retried record idempotent.
CREATE TABLE approval_votes (
    approval_id VARCHAR(100) NOT NULL REFERENCES approvals (id),
    person      VARCHAR(200) NOT NULL,
    vote        VARCHAR(16)  NOT NULL,
    reason      TEXT,
    via         VARCHAR(16)  NOT NULL,
    voted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (approval_id, person)
);
