-- Follow-ups owed to staff exposed to a critical incident, and the exposures themselves.
-- Neither table holds what anyone answered in a check-in.

CREATE TABLE follow_up (
    id           UUID PRIMARY KEY,
    incident_id  UUID         NOT NULL,
    site_id      VARCHAR(100) NOT NULL,
    staff_id     VARCHAR(100) NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    due_at       TIMESTAMPTZ  NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    -- One of each kind per person per incident, however often the incident is delivered.
    CONSTRAINT follow_up_once_per_kind UNIQUE (incident_id, staff_id, kind)
);

CREATE INDEX follow_up_staff_due ON follow_up (staff_id, due_at);
CREATE INDEX follow_up_site_due ON follow_up (site_id, due_at);

-- One row per person per critical incident: the unit a rolling exposure window counts.
CREATE TABLE exposure (
    staff_id     VARCHAR(100) NOT NULL,
    incident_id  UUID         NOT NULL,
    site_id      VARCHAR(100) NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (staff_id, incident_id)
);

CREATE INDEX exposure_staff_occurred ON exposure (staff_id, occurred_at);
CREATE INDEX exposure_incident ON exposure (incident_id);
