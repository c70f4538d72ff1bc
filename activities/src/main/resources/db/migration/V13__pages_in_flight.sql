-- A page is in flight from the moment the outbox checks that its escalation still pages until the
-- channel call returns. A stop request waits for the in-flight pages of its escalations before its
-- time is taken, so a page checked a moment before an acknowledgement cannot land after it. Cleared when
-- the call returns; a value left by a process that died mid-call is ignored once it is older than any
-- channel call can take.
ALTER TABLE pages ADD COLUMN in_flight_since TIMESTAMP WITH TIME ZONE;
