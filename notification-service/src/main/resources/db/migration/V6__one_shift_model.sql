-- One shift model: a person's weekly pattern belongs to a site and is read in that site's zone (the
-- shift's own time_zone goes), plus dated exceptions (leave, extra shifts) in the same zone.
ALTER TABLE site ADD COLUMN jurisdiction VARCHAR(100);

ALTER TABLE work_shift ADD COLUMN site_id VARCHAR(100) REFERENCES site (id);
-- A pattern recorded before sites owned shifts goes to the person's first site; with none it has no zone to be read in.
UPDATE work_shift w SET site_id = (SELECT min(a.site_id) FROM site_assignment a WHERE a.person_id = w.person_id);
DELETE FROM work_shift WHERE site_id IS NULL;
ALTER TABLE work_shift ALTER COLUMN site_id SET NOT NULL;
ALTER TABLE work_shift DROP COLUMN time_zone;
CREATE INDEX work_shift_site ON work_shift (site_id);

CREATE TABLE shift_exception (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id   VARCHAR(100) NOT NULL REFERENCES person (id),
    site_id     VARCHAR(100) NOT NULL REFERENCES site (id),
    on_date     DATE         NOT NULL,
    starts_at   TIME         NOT NULL,
    ends_at     TIME         NOT NULL,
    kind        VARCHAR(10)  NOT NULL CHECK (kind IN ('LEAVE', 'EXTRA'))
);
CREATE INDEX shift_exception_person ON shift_exception (person_id, on_date);
