-- What the facilitator chose to write down of the circle; nothing else of what was shared is kept.
CREATE TABLE circle_record (
    debrief_id      UUID PRIMARY KEY REFERENCES debrief (id) ON DELETE CASCADE,
    opening         TEXT,
    what_happened   TEXT,
    reactions       TEXT,
    what_helped     TEXT,
    shared_values   TEXT,
    support_needs   TEXT,
    written_by      VARCHAR(100) NOT NULL,
    written_at      TIMESTAMPTZ  NOT NULL
);

-- A required participant who missed the circle gets a conversation of their own.
CREATE TABLE make_up_conversation (
    id           UUID         PRIMARY KEY,
    debrief_id   UUID         NOT NULL REFERENCES debrief (id) ON DELETE CASCADE,
    staff_id     VARCHAR(100) NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT make_up_once UNIQUE (debrief_id, staff_id)
);
CREATE INDEX make_up_open ON make_up_conversation (staff_id) WHERE status = 'OPEN';

-- The circle's agreed actions; the debrief closes when each is done or carried forward.
CREATE TABLE action_item (
    id           UUID         PRIMARY KEY,
    debrief_id   UUID         NOT NULL REFERENCES debrief (id) ON DELETE CASCADE,
    description  VARCHAR(500) NOT NULL,
    owner_id     VARCHAR(100) NOT NULL,
    due_on       DATE         NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX action_item_debrief ON action_item (debrief_id);
CREATE INDEX action_item_open_due ON action_item (due_on) WHERE status = 'OPEN';
