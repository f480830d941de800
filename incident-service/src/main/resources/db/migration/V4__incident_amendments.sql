-- Corrections to a submitted report. The report itself is never edited; amendments are append-only.
CREATE TABLE incident_amendment (
    id           UUID PRIMARY KEY,
    incident_id  UUID         NOT NULL REFERENCES incident (id),
    author_id    VARCHAR(100) NOT NULL,
    amended_at   TIMESTAMPTZ  NOT NULL,
    reason       TEXT         NOT NULL,
    correction   TEXT         NOT NULL
);

CREATE INDEX incident_amendment_incident ON incident_amendment (incident_id, amended_at);

CREATE FUNCTION incident_amendment_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'incident_amendment is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER incident_amendment_no_update BEFORE UPDATE OR DELETE ON incident_amendment
    FOR EACH ROW EXECUTE FUNCTION incident_amendment_is_append_only();
CREATE TRIGGER incident_amendment_no_truncate BEFORE TRUNCATE ON incident_amendment
    FOR EACH STATEMENT EXECUTE FUNCTION incident_amendment_is_append_only();
