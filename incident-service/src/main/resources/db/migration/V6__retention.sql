-- Retention (RecordRetention): incidents, their amendments and the audit log are deleted once their
-- record-keeping period is over, and only then. The append-only triggers still refuse every UPDATE and
-- TRUNCATE, and every DELETE except the purge's own: a transaction that declared itself the retention purge
-- (SET LOCAL haven.retention_purge = 'on'), deleting an audit entry whose incident is already gone.

ALTER TABLE incident_audit ALTER COLUMN incident_id DROP NOT NULL;
ALTER TABLE incident_audit ALTER COLUMN site_id DROP NOT NULL;
-- What a purge removed (counts and cutoff, never content); null for entries about one incident.
ALTER TABLE incident_audit ADD COLUMN detail VARCHAR(500);
ALTER TABLE incident_audit ADD CONSTRAINT incident_audit_about_incident_or_purge
    CHECK (incident_id IS NOT NULL OR action = 'PURGED');

CREATE OR REPLACE FUNCTION incident_audit_is_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('haven.retention_purge', true) = 'on'
            AND (OLD.incident_id IS NULL OR NOT EXISTS (SELECT 1 FROM incident WHERE id = OLD.incident_id)) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'incident_audit is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION incident_amendment_is_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('haven.retention_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'incident_amendment is append-only';
END;
$$ LANGUAGE plpgsql;

-- What the purge reads: the oldest entries first.
CREATE INDEX incident_audit_at ON incident_audit (at);
