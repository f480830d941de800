-- The full record a licensing review expects, and the submission key that makes retries harmless.
ALTER TABLE incident
    ADD COLUMN location            VARCHAR(300),
    ADD COLUMN injuries            TEXT,
    ADD COLUMN immediate_actions   TEXT,
    ADD COLUMN last_seen_at        TIMESTAMPTZ,
    ADD COLUMN last_seen_place     VARCHAR(300),
    ADD COLUMN last_seen_clothing  VARCHAR(1000),
    ADD COLUMN risk_minor          BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN risk_trafficking    BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN risk_medical_needs  BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN search_steps        TEXT,
    ADD COLUMN idempotency_key     UUID;

-- One incident per submission key, whatever the number of retries or replicas.
ALTER TABLE incident ADD CONSTRAINT incident_idempotency_key_unique UNIQUE (idempotency_key);

CREATE INDEX incident_type_occurred ON incident (type, occurred_at DESC);
