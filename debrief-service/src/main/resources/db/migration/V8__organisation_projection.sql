-- debrief-service no longer keeps a roster of its own: supervisors, facilitators and working time are a
-- read-only projection of notification-service's organisation topics (organisation.sites, organisation.people).
DROP TABLE shift;
DROP TABLE site_supervisor;
DROP TABLE facilitator;

-- Each row remembers the Kafka partition and offset of the record it was built from: an older record read
-- again (a replay from the start) never overwrites a newer one. A tombstone keeps the row, marked removed,
-- for the same reason.
CREATE TABLE org_site (
    id                VARCHAR(100) PRIMARY KEY,
    name              VARCHAR(200),
    time_zone         VARCHAR(64),
    jurisdiction      VARCHAR(100),
    removed           BOOLEAN      NOT NULL DEFAULT FALSE,
    source_partition  INTEGER      NOT NULL,
    source_offset     BIGINT       NOT NULL
);

CREATE TABLE org_person (
    id                VARCHAR(100) PRIMARY KEY,
    display_name      VARCHAR(200),
    removed           BOOLEAN      NOT NULL DEFAULT FALSE,
    source_partition  INTEGER      NOT NULL,
    source_offset     BIGINT       NOT NULL
);

CREATE TABLE org_role (
    site_id    VARCHAR(100) NOT NULL,
    person_id  VARCHAR(100) NOT NULL REFERENCES org_person (id),
    role       VARCHAR(30)  NOT NULL,
    PRIMARY KEY (site_id, role, person_id)
);

-- A person's working time at a site: the WorkPattern of the event, as JSON, read in the site's zone.
CREATE TABLE org_work_pattern (
    person_id  VARCHAR(100) NOT NULL REFERENCES org_person (id),
    site_id    VARCHAR(100) NOT NULL,
    pattern    TEXT         NOT NULL,
    PRIMARY KEY (person_id, site_id)
);
