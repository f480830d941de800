package org.haven.incident.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads incident-service's projection of the organisation ({@link OrganisationProjection}): a site's name and time
 * zone, and who works there. Never notification-service's database: the projection is fed by its events only.
 */
@ApplicationScoped
public class SiteDirectory {

    /** A person of a site, as the page names them. */
    public record SitePerson(String id, String name) {
    }

    private final EntityManager entityManager;

    SiteDirectory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<String> siteName(String siteId) {
        return site(siteId).map(row -> (String) row[0]);
    }

    /** The site's zone as the directory gives it; empty when the site is unknown or its zone unreadable. */
    public Optional<ZoneId> zone(String siteId) {
        return site(siteId).map(row -> (String) row[1]).flatMap(zone -> {
            try {
                return Optional.of(ZoneId.of(zone));
            } catch (DateTimeException | NullPointerException e) {
                return Optional.empty();
            }
        });
    }

    /** Everyone who works at the site, by name. */
    @SuppressWarnings("unchecked")
    public List<SitePerson> people(String siteId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT p.id, p.display_name FROM org_site_member m JOIN org_person p ON p.id = m.person_id
                        WHERE m.site_id = ?1 AND NOT p.removed ORDER BY p.display_name, p.id""")
                .setParameter(1, siteId).getResultList();
        return rows.stream().map(row -> new SitePerson((String) row[0], row[1] == null ? (String) row[0] : (String) row[1])).toList();
    }

    public boolean worksAt(String siteId, String personId) {
        return !entityManager.createNativeQuery("""
                        SELECT 1 FROM org_site_member m JOIN org_person p ON p.id = m.person_id
                        WHERE m.site_id = ?1 AND m.person_id = ?2 AND NOT p.removed""")
                .setParameter(1, siteId).setParameter(2, personId).getResultList().isEmpty();
    }

    /** The names the directory gives these people; a person it does not know is absent from the answer. */
    @SuppressWarnings("unchecked")
    public Map<String, String> names(Collection<String> personIds) {
        Map<String, String> names = new LinkedHashMap<>();
        if (personIds.isEmpty()) {
            return names;
        }
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT id, display_name FROM org_person WHERE id = ANY(CAST(?1 AS varchar[])) AND NOT removed AND display_name IS NOT NULL")
                .setParameter(1, personIds.toArray(String[]::new)).getResultList();
        rows.forEach(row -> names.put((String) row[0], (String) row[1]));
        return names;
    }

    @SuppressWarnings("unchecked")
    private Optional<Object[]> site(String siteId) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT name, time_zone FROM org_site WHERE id = ?1 AND NOT removed")
                .setParameter(1, siteId).getResultList();
        return rows.stream().findFirst();
    }
}
