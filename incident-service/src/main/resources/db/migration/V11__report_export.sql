-- The incident export reads a period in occurrence order, page by page after the last row sent (occurred_at, id):
-- this index makes each page a range scan however large the program.
CREATE INDEX incident_occurred_id ON incident (occurred_at, id);

-- The roles the directory gives a person at a site (SUPERVISOR, PROGRAM_DIRECTOR, FACILITATOR), so the export can say
-- in what role a report was made without naming the reporter. Empty for a person who only has working time there
-- (staff). Rows built before this column are filled from the person's next record.
ALTER TABLE org_site_member ADD COLUMN roles TEXT[] NOT NULL DEFAULT '{}';
