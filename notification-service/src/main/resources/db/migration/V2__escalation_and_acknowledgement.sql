-- Contact methods beyond email, and how often a site's escalation chain is run again unanswered.
ALTER TABLE person ADD COLUMN phone VARCHAR(32);
ALTER TABLE site ADD COLUMN escalation_repeats INTEGER NOT NULL DEFAULT 0 CHECK (escalation_repeats BETWEEN 0 AND 10);

-- Who is on call at a site, shift by shift; a handover is the next shift starting.
CREATE TABLE on_call_shift (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id     VARCHAR(100) NOT NULL REFERENCES site (id),
    person_id   VARCHAR(100) NOT NULL REFERENCES person (id),
    starts_at   TIMESTAMPTZ  NOT NULL,
    ends_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT on_call_shift_has_length CHECK (ends_at > starts_at)
);
CREATE INDEX on_call_shift_site ON on_call_shift (site_id, starts_at);

-- A site's escalation chain: who is paged at each level, counted from the start of a round.
CREATE TABLE escalation_level (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id        VARCHAR(100) NOT NULL REFERENCES site (id),
    level          INTEGER      NOT NULL CHECK (level >= 1),
    after_seconds  BIGINT       NOT NULL CHECK (after_seconds >= 0),
    target         VARCHAR(30)  NOT NULL,
    person_id      VARCHAR(100) REFERENCES person (id),
    CONSTRAINT escalation_level_once UNIQUE (site_id, level),
    CONSTRAINT escalation_level_person_target CHECK ((target = 'PERSON') = (person_id IS NOT NULL))
);

-- One escalation per critical incident: paging until someone takes charge or the chain is exhausted.
CREATE TABLE escalation (
    incident_id          UUID PRIMARY KEY,
    site_id              VARCHAR(100) NOT NULL,
    incident_type        VARCHAR(50)  NOT NULL,
    occurred_at          TIMESTAMPTZ  NOT NULL,
    started_at           TIMESTAMPTZ  NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    level_reached        INTEGER      NOT NULL,
    acknowledged_by      VARCHAR(100),
    acknowledged_at      TIMESTAMPTZ,
    CONSTRAINT escalation_ack_complete CHECK ((status = 'ACKNOWLEDGED') = (acknowledged_by IS NOT NULL))
);

-- The durable timers: one row per level still to page. A firing replica locks its row
-- (FOR UPDATE SKIP LOCKED), so a level is paged by one replica, once, even after a restart.
CREATE TABLE escalation_step (
    id                UUID PRIMARY KEY,
    incident_id       UUID        NOT NULL REFERENCES escalation (incident_id),
    round             INTEGER     NOT NULL,
    level             INTEGER     NOT NULL,
    round_started_at  TIMESTAMPTZ NOT NULL,
    due_at            TIMESTAMPTZ NOT NULL,
    status            VARCHAR(20) NOT NULL,
    fired_at          TIMESTAMPTZ,
    CONSTRAINT escalation_step_once UNIQUE (incident_id, round, level)
);
CREATE INDEX escalation_step_due ON escalation_step (due_at) WHERE status = 'PENDING';

ALTER TABLE alert ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 1;
ALTER TABLE alert ADD COLUMN acknowledged_by VARCHAR(100);
ALTER TABLE alert ADD COLUMN acknowledged_at TIMESTAMPTZ;

-- A delivery is a page (ALERT, once per round of the chain) or the "handled by" notice (HANDLED).
ALTER TABLE alert_delivery ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'ALERT';
ALTER TABLE alert_delivery ADD COLUMN round INTEGER NOT NULL DEFAULT 1;
ALTER TABLE alert_delivery DROP CONSTRAINT alert_delivery_once_per_channel;
ALTER TABLE alert_delivery ADD CONSTRAINT alert_delivery_once UNIQUE (alert_id, channel, kind, round);

-- Signed acknowledgement links are single use: the first use records the link's nonce.
CREATE TABLE ack_link_use (
    nonce     VARCHAR(64) PRIMARY KEY,
    alert_id  UUID        NOT NULL REFERENCES alert (id),
    used_at   TIMESTAMPTZ NOT NULL
);
