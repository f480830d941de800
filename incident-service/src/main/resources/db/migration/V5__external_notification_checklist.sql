-- Who outside Haven must be told about an incident, by when, and whether it was done.
CREATE TABLE external_notification (
    id                     UUID PRIMARY KEY,
    incident_id            UUID         NOT NULL REFERENCES incident (id),
    site_id                VARCHAR(100) NOT NULL,
    incident_type          VARCHAR(50)  NOT NULL,
    jurisdiction           VARCHAR(100) NOT NULL,
    rule_id                VARCHAR(100) NOT NULL,
    recipient              VARCHAR(300) NOT NULL,
    instructions           TEXT         NOT NULL,
    due_at                 TIMESTAMPTZ  NOT NULL,
    done_by                VARCHAR(100),
    done_at                TIMESTAMPTZ,
    overdue_announced_at   TIMESTAMPTZ,
    CONSTRAINT external_notification_one_per_rule UNIQUE (incident_id, rule_id)
);

-- What the overdue scan reads: open, unannounced items by deadline.
CREATE INDEX external_notification_open_due ON external_notification (due_at)
    WHERE done_at IS NULL AND overdue_announced_at IS NULL;
CREATE INDEX external_notification_incident ON external_notification (incident_id, due_at);
