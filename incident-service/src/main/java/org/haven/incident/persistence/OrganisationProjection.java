package org.haven.incident.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.haven.events.OrganisationPerson;
import org.haven.events.OrganisationSite;
import org.haven.events.WorkPattern;
import org.haven.messaging.RecordPosition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * incident-service's read-only copy of who works at which site, built from notification-service's compacted topics
 * and from nothing else. Each record replaces the whole state of its key, and only when it is newer (a later offset
 * of the same partition) than what the row was built from: applying a record twice, or reading the topics again from
 * the start, leaves the projection as it was. A tombstone marks the row removed and drops the person's sites.
 */
@ApplicationScoped
public class OrganisationProjection {


    private final EntityManager entityManager;
    private final ObjectMapper json;

    OrganisationProjection(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Applies a site's state, or its removal when {@code site} is null; false if the row already holds a newer record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean site(String siteId, OrganisationSite site, RecordPosition at) {
        return entityManager.createNativeQuery("""
                        INSERT INTO org_site (id, name, time_zone, removed, source_partition, source_offset)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone,
                            removed = EXCLUDED.removed,
                            source_partition = EXCLUDED.source_partition, source_offset = EXCLUDED.source_offset
                        WHERE org_site.source_partition <> EXCLUDED.source_partition OR org_site.source_offset < EXCLUDED.source_offset""")
                .setParameter(1, siteId)
                .setParameter(2, site == null ? null : site.name())
                .setParameter(3, site == null ? null : site.timeZone())
                .setParameter(4, site == null)
                .setParameter(5, at.partition())
                .setParameter(6, at.offset())
                .executeUpdate() == 1;
    }

    /**
     * Applies a person's state, or their removal when {@code person} is null; false if the row already holds a newer
     * record. The person works at every site where they hold a role or have working time; their working pattern there
     * is kept with the membership, so the report form can put those on shift first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean person(String personId, OrganisationPerson person, RecordPosition at) {
        boolean newer = entityManager.createNativeQuery("""
                        INSERT INTO org_person (id, display_name, removed, source_partition, source_offset)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, removed = EXCLUDED.removed,
                            source_partition = EXCLUDED.source_partition, source_offset = EXCLUDED.source_offset
                        WHERE org_person.source_partition <> EXCLUDED.source_partition OR org_person.source_offset < EXCLUDED.source_offset""")
                .setParameter(1, personId)
                .setParameter(2, person == null ? null : person.displayName())
                .setParameter(3, person == null)
                .setParameter(4, at.partition())
                .setParameter(5, at.offset())
                .executeUpdate() == 1;
        if (!newer) {
            return false;
        }
        entityManager.createNativeQuery("DELETE FROM org_site_member WHERE person_id = ?1").setParameter(1, personId).executeUpdate();
        if (person == null) {
            return true;
        }
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        Map<String, WorkPattern> patterns = new LinkedHashMap<>();
        person.roles().forEach(role -> roles.computeIfAbsent(role.siteId(), site -> new TreeSet<>()).add(role.role()));
        person.shifts().forEach(shifts -> {
            roles.computeIfAbsent(shifts.siteId(), site -> new TreeSet<>());
            patterns.putIfAbsent(shifts.siteId(), shifts.pattern());
        });
        for (Map.Entry<String, Set<String>> site : roles.entrySet()) {
            WorkPattern pattern = patterns.get(site.getKey());
            entityManager.createNativeQuery(
                            "INSERT INTO org_site_member (site_id, person_id, roles, work_pattern) VALUES (?1, ?2, CAST(?3 AS text[]), ?4)")
                    .setParameter(1, site.getKey()).setParameter(2, personId)
                    .setParameter(3, site.getValue().toArray(String[]::new))
                    .setParameter(4, pattern == null ? null : write(pattern)).executeUpdate();
        }
        return true;
    }

    private String write(WorkPattern pattern) {
        try {
            return json.writeValueAsString(pattern);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A work pattern could not be written", e);
        }
    }
}
