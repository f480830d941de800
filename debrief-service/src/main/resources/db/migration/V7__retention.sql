-- Retention (DebriefRetention). What was shared in a circle (the facilitator's notes) and why a debrief was moved
-- or cancelled are free text about people: removed after a short period. The debrief itself (who was asked, who
-- came, by when, the agreed actions) is part of the incident's record and is deleted, with everything that
-- cascades from it, after the record-keeping period.
ALTER TABLE circle_record ADD COLUMN notes_removed_at TIMESTAMPTZ;
ALTER TABLE debrief ADD COLUMN change_reason_removed_at TIMESTAMPTZ;

-- What each purge did (counts and cutoffs, never content).
CREATE TABLE debrief_audit (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        TIMESTAMPTZ  NOT NULL,
    actor_id  VARCHAR(100) NOT NULL,
    action    VARCHAR(30)  NOT NULL,
    detail    VARCHAR(500)
);
CREATE INDEX debrief_audit_at ON debrief_audit (at);

-- What the purge reads: the oldest rows first.
CREATE INDEX debrief_created ON debrief (created_at);
CREATE INDEX circle_record_notes_kept ON circle_record (written_at) WHERE notes_removed_at IS NULL;
