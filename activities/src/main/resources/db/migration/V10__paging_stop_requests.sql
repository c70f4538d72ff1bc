-- When someone acknowledges or resolves, the API (or a Slack click, an SMS reply) hands the answer to
-- the workflow, and the escalation records its settlement a few workflow tasks later. Under load that
-- took seconds, and pages waiting in a lane went out in between. The answer's handler now also marks
-- the escalation here right after Temporal took it; pages waiting for their turn are withdrawn as soon
-- as it is set. It only ever withdraws pages: the settlement itself stays the workflow's to record.
ALTER TABLE escalations ADD COLUMN stop_requested_at TIMESTAMP WITH TIME ZONE;
