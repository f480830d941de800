CREATE TABLE debrief (
    id             UUID         PRIMARY KEY,
    incident_id    UUID         NOT NULL,
    site_id        VARCHAR(100) NOT NULL,
    incident_type  VARCHAR(50)  NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    reported_at    TIMESTAMPTZ  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    deadline       TIMESTAMPTZ  NOT NULL,
    -- One debrief per incident, whatever reaches the consumer twice.
    CONSTRAINT debrief_one_per_incident UNIQUE (incident_id)
);

CREATE INDEX debrief_deadline ON debrief (deadline, id);
CREATE INDEX debrief_site_deadline ON debrief (site_id, deadline);

CREATE TABLE debrief_participant (
    debrief_id  UUID         NOT NULL REFERENCES debrief (id) ON DELETE CASCADE,
    position    INTEGER      NOT NULL,
    staff_id    VARCHAR(100) NOT NULL,
    role        VARCHAR(20)  NOT NULL,
    PRIMARY KEY (debrief_id, position),
    CONSTRAINT debrief_participant_once UNIQUE (debrief_id, staff_id)
);

CREATE INDEX debrief_participant_staff ON debrief_participant (staff_id);
