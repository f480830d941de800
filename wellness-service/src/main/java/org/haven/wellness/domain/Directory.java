package org.haven.wellness.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the organisation's owner (notification-service's directory) says about a person, read from wellness's
 * projection of it ({@link org.haven.wellness.persistence.OrganisationProjection}): the sites they work at and the
 * sites they supervise. The projection is the only place wellness learns this; a token's sites are checked against it.
 */
@ApplicationScoped
public class Directory {

    static final String SUPERVISOR = "SUPERVISOR";

    /** A person as the directory has them; {@code known} is false for an id it has never had, or has removed. */
    public record Person(boolean known, Set<String> sites, Set<String> supervised) {

        static final Person UNKNOWN = new Person(false, Set.of(), Set.of());
    }

    private final EntityManager entityManager;

    Directory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Person person(String personId) {
        List<?> known = entityManager.createNativeQuery("SELECT 1 FROM org_person WHERE id = ?1 AND NOT removed")
                .setParameter(1, personId).getResultList();
        if (known.isEmpty()) {
            return Person.UNKNOWN;
        }
        return new Person(true,
                strings(entityManager.createNativeQuery("SELECT site_id FROM org_site_member WHERE person_id = ?1")
                        .setParameter(1, personId).getResultList()),
                strings(entityManager.createNativeQuery("SELECT site_id FROM org_role WHERE person_id = ?1 AND role = ?2")
                        .setParameter(1, personId).setParameter(2, SUPERVISOR).getResultList()));
    }

    private static Set<String> strings(List<?> rows) {
        return rows.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
    }
}
