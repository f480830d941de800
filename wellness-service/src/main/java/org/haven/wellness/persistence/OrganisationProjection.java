package org.haven.wellness.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.haven.events.OrganisationPerson;
import org.haven.events.OrganisationSite;
import org.haven.messaging.RecordPosition;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * wellness-service's read-only copy of who works where and who supervises where, built from notification-service's
 * compacted topics and from nothing else. Each record replaces the whole state of its key, and only when it is newer
 * (a later offset of the same partition) than what the row was built from: applying a record twice, or reading the
 * topics again from the start, leaves the projection as it was. A tombstone marks the row removed and drops the
 * person's sites and roles.
 */
@ApplicationScoped
public class OrganisationProjection {

    private final EntityManager entityManager;

    OrganisationProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Applies a site's state, or its removal when {@code site} is null; false if the row already holds a newer record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean site(String siteId, OrganisationSite site, RecordPosition at) {
        return entityManager.createNativeQuery("""
                        INSERT INTO org_site (id, time_zone, removed, source_partition, source_offset)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (id) DO UPDATE SET time_zone = EXCLUDED.time_zone, removed = EXCLUDED.removed,
                            source_partition = EXCLUDED.source_partition, source_offset = EXCLUDED.source_offset
                        WHERE org_site.source_partition <> EXCLUDED.source_partition OR org_site.source_offset < EXCLUDED.source_offset""")
                .setParameter(1, siteId)
                .setParameter(2, site == null ? null : site.timeZone())
                .setParameter(3, site == null)
                .setParameter(4, at.partition())
                .setParameter(5, at.offset())
                .executeUpdate() == 1;
    }

    /**
     * Applies a person's state, or their removal when {@code person} is null; false if the row already holds a newer
     * record. The person works at every site where they hold a role or have working time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean person(String personId, OrganisationPerson person, RecordPosition at) {
        boolean newer = entityManager.createNativeQuery("""
                        INSERT INTO org_person (id, removed, source_partition, source_offset)
                        VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (id) DO UPDATE SET removed = EXCLUDED.removed,
                            source_partition = EXCLUDED.source_partition, source_offset = EXCLUDED.source_offset
                        WHERE org_person.source_partition <> EXCLUDED.source_partition OR org_person.source_offset < EXCLUDED.source_offset""")
                .setParameter(1, personId)
                .setParameter(2, person == null)
                .setParameter(3, at.partition())
                .setParameter(4, at.offset())
                .executeUpdate() == 1;
        if (!newer) {
            return false;
        }
        entityManager.createNativeQuery("DELETE FROM org_site_member WHERE person_id = ?1").setParameter(1, personId).executeUpdate();
        entityManager.createNativeQuery("DELETE FROM org_role WHERE person_id = ?1").setParameter(1, personId).executeUpdate();
        if (person == null) {
            return true;
        }
        Set<String> sites = new LinkedHashSet<>();
        for (OrganisationPerson.Role role : person.roles()) {
            sites.add(role.siteId());
            entityManager.createNativeQuery("INSERT INTO org_role (site_id, person_id, role) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                    .setParameter(1, role.siteId()).setParameter(2, personId).setParameter(3, role.role()).executeUpdate();
        }
        person.shifts().forEach(shifts -> sites.add(shifts.siteId()));
        for (String siteId : sites) {
            entityManager.createNativeQuery("INSERT INTO org_site_member (site_id, person_id) VALUES (?1, ?2)")
                    .setParameter(1, siteId).setParameter(2, personId).executeUpdate();
        }
        return true;
    }
}
