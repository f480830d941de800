-- Web push: the browsers a supervisor or director asked to be alerted on, one row per browser (its push service
-- endpoint is unique: a browser handed to the next person moves to them). The endpoint and keys reach only the
-- push service; a removed person takes their subscriptions along.
CREATE TABLE push_subscription (
    id          UUID PRIMARY KEY,
    person_id   VARCHAR(100)  NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    endpoint    VARCHAR(2048) NOT NULL,
    p256dh      VARCHAR(100)  NOT NULL,
    auth        VARCHAR(50)   NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    CONSTRAINT push_subscription_endpoint_once UNIQUE (endpoint)
);
CREATE INDEX push_subscription_person ON push_subscription (person_id);

-- A person can have several browsers: one push delivery per subscription (its id is the destination) in a round.
ALTER TABLE alert_delivery DROP CONSTRAINT alert_delivery_once;
ALTER TABLE alert_delivery ADD CONSTRAINT alert_delivery_once UNIQUE (alert_id, channel, kind, round, destination);
