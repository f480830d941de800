-- Retention (NotificationRetention). Notices, with their deliveries, are deleted once their short period is over;
-- an alert keeps its history, but the address or phone number each of its pages went to is removed (NULL) after
-- the same kind of period, with any provider error that might quote it.
ALTER TABLE alert_delivery ALTER COLUMN destination DROP NOT NULL;
ALTER TABLE alert_delivery ADD CONSTRAINT alert_delivery_destination_while_due
    CHECK (destination IS NOT NULL OR next_attempt_at IS NULL);

-- What each purge removed (counts and cutoffs, never content).
CREATE TABLE notification_audit (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        TIMESTAMPTZ  NOT NULL,
    actor_id  VARCHAR(100) NOT NULL,
    action    VARCHAR(30)  NOT NULL,
    detail    VARCHAR(500)
);
CREATE INDEX notification_audit_at ON notification_audit (at);

-- What the purge reads: the oldest rows first.
CREATE INDEX notice_created ON notice (created_at);
CREATE INDEX notice_delivery_notice ON notice_delivery (notice_id);
CREATE INDEX alert_delivery_kept_destination ON alert_delivery (created_at) WHERE destination IS NOT NULL;
