-- Each person's working week: the hours a non-urgent notice may reach them. A shift whose end is not
-- after its start runs past midnight into the next day. Times are wall-clock times in time_zone.
CREATE TABLE work_shift (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id    VARCHAR(100) NOT NULL REFERENCES person (id),
    day_of_week  VARCHAR(10)  NOT NULL,
    starts_at    TIME         NOT NULL,
    ends_at      TIME         NOT NULL,
    time_zone    VARCHAR(64)  NOT NULL,
    CONSTRAINT work_shift_has_length CHECK (ends_at <> starts_at)
);
CREATE INDEX work_shift_person ON work_shift (person_id);

-- A notice other than a critical alert (debrief invite, overdue debrief, check-in due...), rendered
-- once for one recipient. Rendered text holds site, type and time only, never client details.
CREATE TABLE notice (
    id             UUID PRIMARY KEY,
    event_id       VARCHAR(100)  NOT NULL,
    kind           VARCHAR(40)   NOT NULL,
    urgent         BOOLEAN       NOT NULL,
    recipient_id   VARCHAR(100)  NOT NULL,
    site_id        VARCHAR(100)  NOT NULL,
    about          VARCHAR(100)  NOT NULL,
    subject        VARCHAR(300)  NOT NULL,
    body           TEXT          NOT NULL,
    short_text     VARCHAR(500)  NOT NULL,
    calendar       TEXT,
    calendar_method VARCHAR(20),
    created_at     TIMESTAMPTZ   NOT NULL,
    CONSTRAINT notice_once_per_event UNIQUE (event_id, recipient_id, kind)
);
CREATE INDEX notice_recipient ON notice (recipient_id, created_at DESC);
CREATE INDEX notice_about ON notice (about, recipient_id);

-- Getting a notice to its recipient over one channel. QUEUED waits for the recipient's next shift.
CREATE TABLE notice_delivery (
    id               UUID PRIMARY KEY,
    notice_id        UUID          NOT NULL REFERENCES notice (id),
    channel          VARCHAR(20)   NOT NULL,
    destination      VARCHAR(320)  NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    last_error       VARCHAR(1000),
    next_attempt_at  TIMESTAMPTZ,
    sent_at          TIMESTAMPTZ,
    created_at       TIMESTAMPTZ   NOT NULL,
    CONSTRAINT notice_delivery_once_per_channel UNIQUE (notice_id, channel)
);
CREATE INDEX notice_delivery_due ON notice_delivery (next_attempt_at) WHERE status IN ('PENDING', 'FAILED', 'QUEUED');

-- The latest state of each debrief's invite: later events (reschedule, cancel) do not repeat
-- everything an invite shows, and an event older than the invite already sent is not sent again.
CREATE TABLE debrief_invite (
    debrief_id      UUID PRIMARY KEY,
    calendar_uid    VARCHAR(300) NOT NULL,
    site_id         VARCHAR(100) NOT NULL,
    incident_type   VARCHAR(50)  NOT NULL,
    sequence        INTEGER      NOT NULL,
    deadline        TIMESTAMPTZ,
    starts_at       TIMESTAMPTZ,
    ends_at         TIMESTAMPTZ,
    facilitator_id  VARCHAR(100),
    participant_ids TEXT         NOT NULL,
    cancelled       BOOLEAN      NOT NULL DEFAULT FALSE
);
