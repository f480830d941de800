-- What scheduling reads for every critical incident.
-- A team's upcoming circles at a site, by when they were opened (DebriefScheduling's circle of the team).
CREATE INDEX debrief_upcoming_site ON debrief (site_id, reported_at) WHERE status IN ('SCHEDULED', 'RESCHEDULED');
-- Shifts still running after a given time, per person: the participants' at the site and a visiting facilitator's
-- at any site. By end time, so the past roster is never scanned.
CREATE INDEX shift_staff_ends ON shift (staff_id, ends_at);
