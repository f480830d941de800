-- The admin console: who administers the program (they are paged when an alert can be routed to no one else),
-- a person's preferred language, and the audit of every directory change.

CREATE TABLE administrator (
    person_id   VARCHAR(100) PRIMARY KEY REFERENCES person (id),
    since       TIMESTAMPTZ  NOT NULL
);

ALTER TABLE person ADD COLUMN preferred_language VARCHAR(35);

-- One row per change: who made it, when, and the changed thing before and after (JSON; null before = created,
-- null after = removed). Kept as long as the directory is: it is the record of who set responsibility where.
CREATE TABLE directory_audit (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    changed_at  TIMESTAMPTZ  NOT NULL,
    changed_by  VARCHAR(100) NOT NULL,
    action      VARCHAR(60)  NOT NULL,
    subject     VARCHAR(300) NOT NULL,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX directory_audit_changed ON directory_audit (changed_at);
