-- The supervisor's incident page (issue 17): the reference number an agency gave for a call, and the client's
-- return or hand-over to police as recorded status changes.

-- done_by / done_at already say who made the call and when; the agency's own number for it (police report number,
-- NCMEC case number, intake number). Null when none was given.
ALTER TABLE external_notification ADD COLUMN reference VARCHAR(40);
-- Who tapped "call made" on the page, when that was someone else than the person who made the call.
ALTER TABLE external_notification ADD COLUMN recorded_by VARCHAR(100);

-- What became of a missing client: handed over to police, returned. Append-only like the audit trail; the
-- retention purge removes a change with its incident (the cascade runs inside the purge's own transaction).
CREATE TABLE incident_status_change (
    id           UUID PRIMARY KEY,
    incident_id  UUID         NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    status       VARCHAR(30)  NOT NULL,
    recorded_by  VARCHAR(100) NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT incident_status_change_once UNIQUE (incident_id, status)
);

CREATE INDEX incident_status_change_incident ON incident_status_change (incident_id, recorded_at);

CREATE FUNCTION incident_status_change_is_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('haven.retention_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'incident_status_change is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER incident_status_change_no_update BEFORE UPDATE OR DELETE ON incident_status_change
    FOR EACH ROW EXECUTE FUNCTION incident_status_change_is_append_only();
CREATE TRIGGER incident_status_change_no_truncate BEFORE TRUNCATE ON incident_status_change
    FOR EACH STATEMENT EXECUTE FUNCTION incident_status_change_is_append_only();
