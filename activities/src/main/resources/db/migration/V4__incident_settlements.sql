-- Who acknowledged or resolved an incident and how (slack, sms, voice, api, console, or the monitor),
-- and the escalation that pages for it.
ALTER TABLE incidents ADD COLUMN acknowledged_by VARCHAR(200);
ALTER TABLE incidents ADD COLUMN acknowledged_via VARCHAR(32);
ALTER TABLE incidents ADD COLUMN resolved_by VARCHAR(200);
ALTER TABLE incidents ADD COLUMN resolved_via VARCHAR(32);
ALTER TABLE incidents ADD COLUMN escalation_id VARCHAR(300);
