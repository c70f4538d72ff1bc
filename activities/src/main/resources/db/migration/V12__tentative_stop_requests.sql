-- V10's stop request was written once Temporal had taken the answer, so pages checked in the tens of
-- milliseconds the signal took still went out after the acknowledgement. It is now written before the
-- signal, as tentative: pages are withdrawn at once, and the request becomes firm when Temporal takes
-- the answer, or is withdrawn when Temporal refuses it. A tentative request is honoured only until
-- stop_tentative_until, so a process that dies between the two cannot silence paging for good.
ALTER TABLE escalations ADD COLUMN stop_tentative_until TIMESTAMP WITH TIME ZONE;
