-- A read-only projection of notification-service's organisation topics (organisation.sites, organisation.people):
-- which sites a person works at and where they are a supervisor or program director, so that wellness decides
-- who sees a site's follow-ups from the directory, not from a copy of its own. No names: wellness needs none.
-- Each row remembers the partition and offset of the record it was built from, so that a replay from the start
-- never overwrites a newer record with an older one; a tombstone keeps the row, marked removed, for the same reason.
CREATE TABLE org_site (
    id                VARCHAR(100) PRIMARY KEY,
    time_zone         VARCHAR(64),
    removed           BOOLEAN      NOT NULL DEFAULT FALSE,
    source_partition  INTEGER      NOT NULL,
    source_offset     BIGINT       NOT NULL
);

CREATE TABLE org_person (
    id                VARCHAR(100) PRIMARY KEY,
    removed           BOOLEAN      NOT NULL DEFAULT FALSE,
    source_partition  INTEGER      NOT NULL,
    source_offset     BIGINT       NOT NULL
);

-- A person works at a site when the directory gives them a role or working time there.
CREATE TABLE org_site_member (
    site_id    VARCHAR(100) NOT NULL,
    person_id  VARCHAR(100) NOT NULL REFERENCES org_person (id),
    PRIMARY KEY (person_id, site_id)
);

-- The roles the directory gives a person at a site (SUPERVISOR, PROGRAM_DIRECTOR, FACILITATOR).
CREATE TABLE org_role (
    site_id    VARCHAR(100) NOT NULL,
    person_id  VARCHAR(100) NOT NULL REFERENCES org_person (id),
    role       VARCHAR(30)  NOT NULL,
    PRIMARY KEY (person_id, site_id, role)
);
