-- The audit log refuses changes, and a run remembers which run it retries.
-- jOOQ generates its classes from these files in H2 (DDLDatabase); the trigger is PostgreSQL only and
-- changes no table's shape, so it sits between jOOQ's ignore markers, which PostgreSQL reads as comments.

-- A retry is a new run with the input of a failed or cancelled one; this is the run it retries.
ALTER TABLE runs ADD COLUMN retry_of VARCHAR(200);
CREATE INDEX runs_by_retry_of ON runs (retry_of);

-- Rows of the audit log are only ever added. The application has no path that changes or removes one,
-- and these triggers make the database refuse it too, whoever asks: an UPDATE, a DELETE or a TRUNCATE
-- fails with an error naming the table.
/* [jooq ignore start] */
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
/* [jooq ignore stop] */
