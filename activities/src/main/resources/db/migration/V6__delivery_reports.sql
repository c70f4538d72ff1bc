-- Channels' delivery reports as they arrive, so a report that overtakes the send's own record of the
-- provider reference (Twilio can report a failure within milliseconds of accepting a text) is applied
-- when that reference is recorded instead of being dropped. One row per reference and status; rows
-- are pruned after a day, long after any send has recorded its outcome.
CREATE TABLE delivery_reports (
    provider_ref VARCHAR(200) NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    detail       TEXT,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (provider_ref, status)
);
CREATE INDEX delivery_reports_by_received ON delivery_reports (received_at);
