-- Who read or changed which incident, when. Append-only: the database itself refuses edits, so
-- no code path (and no admin with SQL access through the service's role) can rewrite history.
CREATE TABLE incident_audit (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           TIMESTAMPTZ  NOT NULL,
    actor_id     VARCHAR(100) NOT NULL,
    action       VARCHAR(30)  NOT NULL,
    incident_id  UUID         NOT NULL,
    site_id      VARCHAR(100) NOT NULL
);

CREATE INDEX incident_audit_incident ON incident_audit (incident_id, at);
CREATE INDEX incident_audit_actor ON incident_audit (actor_id, at);

CREATE FUNCTION incident_audit_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'incident_audit is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER incident_audit_no_update BEFORE UPDATE OR DELETE ON incident_audit
    FOR EACH ROW EXECUTE FUNCTION incident_audit_is_append_only();
CREATE TRIGGER incident_audit_no_truncate BEFORE TRUNCATE ON incident_audit
    FOR EACH STATEMENT EXECUTE FUNCTION incident_audit_is_append_only();
