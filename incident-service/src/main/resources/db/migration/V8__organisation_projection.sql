-- A read-only projection of notification-service's organisation topics (organisation.sites, organisation.people):
-- who works at which site, so that a report can only name people of its site. Each row remembers the partition and
-- offset of the record it was built from, so that a replay from the start never overwrites a newer record with an
-- older one; a tombstone keeps the row, marked removed, for the same reason.
CREATE TABLE org_site (
    id                VARCHAR(100) PRIMARY KEY,
    name              VARCHAR(200),
    time_zone         VARCHAR(64),
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

-- A person works at a site when the directory gives them a role or working time there.
CREATE TABLE org_site_member (
    site_id    VARCHAR(100) NOT NULL,
    person_id  VARCHAR(100) NOT NULL REFERENCES org_person (id),
    PRIMARY KEY (site_id, person_id)
);
