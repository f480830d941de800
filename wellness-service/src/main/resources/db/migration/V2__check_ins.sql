-- Follow-ups learn whether they happened and whether their due date was announced.
ALTER TABLE follow_up ADD COLUMN completed_at TIMESTAMPTZ;
ALTER TABLE follow_up ADD COLUMN due_announced_at TIMESTAMPTZ;
CREATE INDEX follow_up_unannounced ON follow_up (due_at) WHERE due_announced_at IS NULL AND status = 'OPEN';

-- A private self check-in. The answers and their scores are sealed (AES-GCM, key from configuration,
-- bound to the check-in id and its owner): this table holds nothing readable about how anyone is doing.
CREATE TABLE check_in (
    id              UUID PRIMARY KEY,
    follow_up_id    UUID         NOT NULL UNIQUE REFERENCES follow_up (id),
    staff_id        VARCHAR(100) NOT NULL,
    site_id         VARCHAR(100) NOT NULL,
    submitted_at    TIMESTAMPTZ  NOT NULL,
    sealed_results  BYTEA        NOT NULL
);
CREATE INDEX check_in_staff ON check_in (staff_id, submitted_at);
CREATE INDEX check_in_site ON check_in (site_id, submitted_at);

-- A staff member asked for a conversation: the only wellness signal that reaches their supervisor.
CREATE TABLE conversation_request (
    id            UUID PRIMARY KEY,
    staff_id      VARCHAR(100) NOT NULL,
    site_id       VARCHAR(100) NOT NULL,
    check_in_id   UUID REFERENCES check_in (id),
    requested_at  TIMESTAMPTZ  NOT NULL
);
