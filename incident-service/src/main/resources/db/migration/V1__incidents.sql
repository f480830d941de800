CREATE TABLE incident (
    id                  UUID PRIMARY KEY,
    site_id             VARCHAR(100) NOT NULL,
    type                VARCHAR(50)  NOT NULL,
    severity            VARCHAR(20)  NOT NULL,
    occurred_at         TIMESTAMPTZ  NOT NULL,
    reported_at         TIMESTAMPTZ  NOT NULL,
    summary             TEXT         NOT NULL,
    reporter_id         VARCHAR(100) NOT NULL,
    involved_staff_ids  TEXT[]       NOT NULL,
    witness_ids         TEXT[]       NOT NULL,
    client_codes        TEXT[]       NOT NULL,
    critical            BOOLEAN      NOT NULL,
    criticality_rule    VARCHAR(300) NOT NULL
);

CREATE INDEX incident_site_reported ON incident (site_id, reported_at DESC);
CREATE INDEX incident_reported ON incident (reported_at DESC);
