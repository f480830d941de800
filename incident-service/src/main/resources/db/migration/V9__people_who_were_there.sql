-- Who was there: the report form lists a site's people with those on shift now first, so the projection keeps each
-- member's working pattern at the site (the directory's WorkPattern as JSON, read in the site's zone; NULL when the
-- person holds only a role there).
ALTER TABLE org_site_member ADD COLUMN work_pattern TEXT;

-- An amendment can add people who were there and correct what was said of the last sighting. The added people
-- travel in IncidentAmended (ids only); the corrected last-seen details, like every narrative, stay here.
ALTER TABLE incident_amendment ALTER COLUMN correction DROP NOT NULL;
ALTER TABLE incident_amendment ADD COLUMN added_involved_staff_ids TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE incident_amendment ADD COLUMN added_witness_ids TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE incident_amendment ADD COLUMN last_seen_at TIMESTAMPTZ;
ALTER TABLE incident_amendment ADD COLUMN last_seen_place VARCHAR(300);
ALTER TABLE incident_amendment ADD COLUMN last_seen_clothing VARCHAR(1000);
