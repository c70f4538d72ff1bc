-- A page is in flight from the moment the outbox checks that its escalation still pages until the
-- channel call returns. A stop request waits for the in-flight pages of its escalations before its
-- time is taken, so a page checked a moment before an acknowledgement cannot land after it.
-- A table of its own rather than a column of pages: a row comes and goes with every turn of a lane,
-- and updating pages (six indexes) twice per send slowed the benchmark's bursts. A row left by a
-- process that died mid-call is ignored once older than any channel call can take, and removed by
-- the next page to land.
CREATE TABLE pages_in_flight (
    page_id       VARCHAR(700)             PRIMARY KEY,
    escalation_id VARCHAR(700)             NOT NULL,
    since         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX pages_in_flight_by_escalation ON pages_in_flight (escalation_id);
CREATE INDEX pages_in_flight_by_since ON pages_in_flight (since);
