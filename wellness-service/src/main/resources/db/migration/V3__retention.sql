-- Erasures and retention purges (CheckInErasure, WellnessRetention). An entry says who erased which check-in of
-- which site and month, or what a purge removed, and never anything anyone answered. The month of an erased
-- check-in is kept so that a team figure already shown for it is withheld from then on, rather than changing in
-- a way that would give the erased answers away.
CREATE TABLE wellness_audit (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          TIMESTAMPTZ  NOT NULL,
    actor_id    VARCHAR(100) NOT NULL,
    action      VARCHAR(30)  NOT NULL,
    site_id     VARCHAR(100),
    month_of    DATE,
    detail      VARCHAR(500)
);
CREATE INDEX wellness_audit_erased ON wellness_audit (site_id, month_of) WHERE action = 'CHECK_IN_ERASED';
CREATE INDEX wellness_audit_at ON wellness_audit (at);

-- What the purge reads: the oldest rows first.
CREATE INDEX follow_up_created ON follow_up (created_at);
CREATE INDEX exposure_occurred ON exposure (occurred_at);
CREATE INDEX conversation_request_requested ON conversation_request (requested_at);
CREATE INDEX conversation_request_check_in ON conversation_request (check_in_id);
