package org.haven.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who is responsible for which site. Writes are upserts, so loading the same directory data twice,
 * or from two replicas at once, leaves one copy of it.
 */
@ApplicationScoped
public class Directory {

    /** A person holding a role at a site, as the directory lists it. */
    public record Member(Person person, SiteRole role) {
    }

    private final EntityManager entityManager;

    Directory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<Site> site(String siteId) {
        return Optional.ofNullable(entityManager.find(Site.class, siteId));
    }

    /** The people holding {@code role} at a site, in a stable order. */
    public List<Person> withRole(String siteId, SiteRole role) {
        return entityManager.createQuery("""
                        SELECT p FROM Person p, SiteAssignment a
                        WHERE a.personId = p.id AND a.siteId = :site AND a.role = :role
                        ORDER BY p.id""", Person.class)
                .setParameter("site", siteId)
                .setParameter("role", role)
                .getResultList();
    }

    public List<Site> sites() {
        return entityManager.createQuery("SELECT s FROM Site s ORDER BY s.id", Site.class).getResultList();
    }

    /** Everyone with a role at a site, in escalation order (supervisors first). */
    public List<Member> members(String siteId) {
        return entityManager.createQuery("""
                        SELECT p, a.role FROM Person p, SiteAssignment a
                        WHERE a.personId = p.id AND a.siteId = :site""", Object[].class)
                .setParameter("site", siteId)
                .getResultStream()
                .map(row -> new Member((Person) row[0], (SiteRole) row[1]))
                .sorted(Comparator.comparing(Member::role).thenComparing(m -> m.person().id))
                .toList();
    }

    @Transactional
    public void putSite(String id, String name, ZoneId zone) {
        entityManager.createNativeQuery("""
                        INSERT INTO site (id, name, time_zone) VALUES (?1, ?2, ?3)
                        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone""")
                .setParameter(1, id)
                .setParameter(2, name)
                .setParameter(3, zone.getId())
                .executeUpdate();
    }

    @Transactional
    public void putPerson(String id, String displayName, String email) {
        entityManager.createNativeQuery("""
                        INSERT INTO person (id, display_name, email) VALUES (?1, ?2, ?3)
                        ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, email = EXCLUDED.email""")
                .setParameter(1, id)
                .setParameter(2, displayName)
                .setParameter(3, email)
                .executeUpdate();
    }

    @Transactional
    public void assign(String siteId, String personId, SiteRole role) {
        entityManager.createNativeQuery("""
                        INSERT INTO site_assignment (site_id, person_id, role) VALUES (?1, ?2, ?3)
                        ON CONFLICT (site_id, person_id, role) DO NOTHING""")
                .setParameter(1, siteId)
                .setParameter(2, personId)
                .setParameter(3, role.name())
                .executeUpdate();
    }
}
