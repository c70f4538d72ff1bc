-- Incidents as the incident workflow journals them, and every webhook alert as it arrived.
-- jOOQ generates its classes from this file in H2 (DDLDatabase), so stay with portable DDL.

-- The workflow sends its whole view of the incident on every journal write, numbered; a write only
-- lands when its number is not older than the stored one, so retries and replays converge.
ALTER TABLE incidents ADD COLUMN journal_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN link TEXT;
ALTER TABLE incidents ADD COLUMN route VARCHAR(200);
ALTER TABLE incidents ADD COLUMN runbook VARCHAR(100);
ALTER TABLE incidents ADD COLUMN escalation_policy VARCHAR(200);
ALTER TABLE incidents ADD COLUMN alert_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN duplicate_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN firing_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN last_seen_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE incidents ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE incidents ALTER COLUMN dedupe_key TYPE TEXT;
CREATE INDEX incidents_by_source ON incidents (source, opened_at);
CREATE INDEX incidents_by_severity ON incidents (severity, opened_at);
CREATE INDEX incidents_by_workflow ON incidents (workflow_id, opened_at);

-- The raw payload is kept as text, exactly as received: JSONB would reorder keys and refuses some
-- valid JSON (the \u0000 escape).
ALTER TABLE alerts DROP COLUMN payload;
ALTER TABLE alerts ADD COLUMN payload TEXT NOT NULL DEFAULT '';
ALTER TABLE alerts ADD COLUMN identity TEXT;
ALTER TABLE alerts ADD COLUMN workflow_id VARCHAR(700);
ALTER TABLE alerts ADD COLUMN route VARCHAR(200);
ALTER TABLE alerts ADD COLUMN duplicate BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE alerts ALTER COLUMN dedupe_key TYPE TEXT;

-- Status changes and other moments of an incident's life, in the order the workflow saw them.
CREATE TABLE incident_events (
    incident_id UUID         NOT NULL REFERENCES incidents (id),
    seq         INTEGER      NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    detail      TEXT,
    PRIMARY KEY (incident_id, seq)
);
