-- The transactional outbox and the idempotent inbox, the same in every service's database.
-- Shipped in haven-messaging so that four services cannot drift apart (versions 0.x sort before
-- each service's own V1..).

CREATE TABLE haven_outbox (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      UUID         NOT NULL UNIQUE,
    event_type    VARCHAR(200) NOT NULL,
    topic         VARCHAR(200) NOT NULL,
    message_key   VARCHAR(200) NOT NULL,
    payload       TEXT         NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at       TIMESTAMPTZ
);

-- The relay reads only what is still to send, oldest first.
CREATE INDEX haven_outbox_unsent ON haven_outbox (id) WHERE sent_at IS NULL;
CREATE INDEX haven_outbox_sent_at ON haven_outbox (sent_at) WHERE sent_at IS NOT NULL;

CREATE TABLE haven_inbox (
    consumer      VARCHAR(100) NOT NULL,
    event_id      VARCHAR(200) NOT NULL,
    processed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX haven_inbox_processed_at ON haven_inbox (processed_at);
