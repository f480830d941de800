-- The slot, facilitator and invite identity of a debrief, and its lifecycle marks.
ALTER TABLE debrief
    ADD COLUMN starts_at            TIMESTAMPTZ,
    ADD COLUMN ends_at              TIMESTAMPTZ,
    ADD COLUMN facilitator_id       VARCHAR(100),
    ADD COLUMN facilitator_on_shift BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN calendar_uid         VARCHAR(200),
    ADD COLUMN sequence             INTEGER      NOT NULL DEFAULT 0,
    ADD COLUMN overdue_at           TIMESTAMPTZ,
    ADD COLUMN held_at              TIMESTAMPTZ,
    ADD COLUMN closed_at            TIMESTAMPTZ,
    ADD COLUMN version              BIGINT       NOT NULL DEFAULT 0;
UPDATE debrief SET calendar_uid = id || '@haven';
ALTER TABLE debrief ALTER COLUMN calendar_uid SET NOT NULL;
-- What the overdue check scans.
CREATE INDEX debrief_unheld_deadline ON debrief (deadline) WHERE overdue_at IS NULL AND status IN ('SCHEDULED', 'RESCHEDULED');

ALTER TABLE debrief_participant
    ADD COLUMN required BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN on_shift BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN attended BOOLEAN;

-- Every incident a debrief covers; an incident is in one debrief at most.
CREATE TABLE debrief_incident (
    debrief_id     UUID        NOT NULL REFERENCES debrief (id) ON DELETE CASCADE,
    position       INTEGER     NOT NULL,
    incident_id    UUID        NOT NULL,
    incident_type  VARCHAR(50) NOT NULL,
    reported_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (debrief_id, position),
    CONSTRAINT debrief_incident_once UNIQUE (incident_id)
);
INSERT INTO debrief_incident (debrief_id, position, incident_id, incident_type, reported_at)
SELECT id, 0, incident_id, incident_type, reported_at FROM debrief;

-- The roster: paid shifts, site supervisors, trained facilitators.
CREATE TABLE shift (
    id         UUID         PRIMARY KEY,
    staff_id   VARCHAR(100) NOT NULL,
    site_id    VARCHAR(100) NOT NULL,
    starts_at  TIMESTAMPTZ  NOT NULL,
    ends_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT shift_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT shift_once UNIQUE (staff_id, site_id, starts_at)
);
CREATE INDEX shift_site_staff_time ON shift (site_id, staff_id, starts_at);

CREATE TABLE site_supervisor (
    site_id        VARCHAR(100) PRIMARY KEY,
    supervisor_id  VARCHAR(100) NOT NULL
);

CREATE TABLE facilitator (
    site_id   VARCHAR(100) NOT NULL,
    staff_id  VARCHAR(100) NOT NULL,
    PRIMARY KEY (site_id, staff_id)
);
