-- The directory: who is responsible for which site. Starts empty in production; demo data is a
-- seed loaded at startup only when configured (haven.directory.seed), never a migration.

CREATE TABLE site (
    id          VARCHAR(100) PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    time_zone   VARCHAR(64)  NOT NULL
);

CREATE TABLE person (
    id            VARCHAR(100) PRIMARY KEY,
    display_name  VARCHAR(200) NOT NULL,
    email         VARCHAR(320) NOT NULL
);

CREATE TABLE site_assignment (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id     VARCHAR(100) NOT NULL REFERENCES site (id),
    person_id   VARCHAR(100) NOT NULL REFERENCES person (id),
    role        VARCHAR(30)  NOT NULL,
    CONSTRAINT site_assignment_once UNIQUE (site_id, person_id, role)
);

CREATE INDEX site_assignment_person ON site_assignment (person_id);

-- One alert per incident and recipient. An incident nobody can be routed to is kept as one
-- UNROUTABLE alert without recipient, so that it is never silently lost.
CREATE TABLE alert (
    id              UUID PRIMARY KEY,
    incident_id     UUID         NOT NULL,
    site_id         VARCHAR(100) NOT NULL,
    incident_type   VARCHAR(50)  NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    recipient_id    VARCHAR(100),
    status          VARCHAR(20)  NOT NULL,
    raised_at       TIMESTAMPTZ  NOT NULL,
    CONSTRAINT alert_once_per_recipient UNIQUE (incident_id, recipient_id),
    CONSTRAINT alert_has_recipient_unless_unroutable CHECK (recipient_id IS NOT NULL OR status = 'UNROUTABLE')
);

-- NULL recipients are distinct to the constraint above; this keeps "one UNROUTABLE row per incident".
CREATE UNIQUE INDEX alert_unroutable_once ON alert (incident_id) WHERE recipient_id IS NULL;
CREATE INDEX alert_site_raised ON alert (site_id, raised_at DESC);
CREATE INDEX alert_raised ON alert (raised_at DESC);

-- Each attempt to reach an alert's recipient over one channel. Written in the transaction that
-- raises the alert; sent after commit, so a rollback sends nothing and a redelivery sends nothing twice.
CREATE TABLE alert_delivery (
    id               UUID PRIMARY KEY,
    alert_id         UUID         NOT NULL REFERENCES alert (id),
    channel          VARCHAR(20)  NOT NULL,
    destination      VARCHAR(320) NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    attempts         INTEGER      NOT NULL DEFAULT 0,
    last_error       VARCHAR(1000),
    next_attempt_at  TIMESTAMPTZ,
    sent_at          TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL,
    CONSTRAINT alert_delivery_once_per_channel UNIQUE (alert_id, channel)
);

-- The sender reads only what is due.
CREATE INDEX alert_delivery_due ON alert_delivery (next_attempt_at) WHERE status IN ('PENDING', 'FAILED');
