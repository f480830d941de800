package org.haven.wellness.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Counts a person's exposures to critical incidents that happened within rolling windows ending now. Both
 * windows come from one query; the statements are fixed strings, so Hibernate translates each once.
 */
@ApplicationScoped
public class ExposureWindow {

    static final Duration MONTH = Duration.ofDays(30);
    static final Duration QUARTER = Duration.ofDays(90);

    private static final String DOSE = """
            select count(*) filter (where e.occurredAt > :monthFrom), count(*)
            from Exposure e
            where e.staffId = :staffId and e.occurredAt > :quarterFrom and e.occurredAt <= :asOf""";

    /**
     * Native because of {@code = ANY(array)}: a JPQL {@code in :list} makes Hibernate translate the query
     * again on every call. A person already exposed to the incident shows up even if it lies outside the windows.
     */
    private static final String DOSES_AROUND_INCIDENT = """
            SELECT staff_id,
                   count(*) FILTER (WHERE occurred_at > ?3 AND occurred_at <= ?5),
                   count(*) FILTER (WHERE occurred_at > ?4 AND occurred_at <= ?5),
                   bool_or(incident_id = ?2)
            FROM exposure
            WHERE staff_id = ANY (?1) AND (incident_id = ?2 OR (occurred_at > ?4 AND occurred_at <= ?5))
            GROUP BY staff_id""";

    private final EntityManager entityManager;
    private final Clock clock;

    ExposureWindow(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public ExposureDose doseOf(String staffId) {
        Instant asOf = clock.instant();
        Object[] counts = entityManager.createQuery(DOSE, Object[].class)
                .setParameter("staffId", staffId)
                .setParameter("monthFrom", asOf.minus(MONTH))
                .setParameter("quarterFrom", asOf.minus(QUARTER))
                .setParameter("asOf", asOf)
                .getSingleResult();
        return new ExposureDose(staffId, asOf, (Long) counts[0], (Long) counts[1]);
    }

    /** Before an incident's exposures are recorded: each person's dose as of {@code asOf}, and who is already exposed to it. */
    PriorExposures before(UUID incidentId, Collection<String> staffIds, Instant asOf) {
        Map<String, ExposureDose> doses = new HashMap<>();
        Set<String> exposedToIncident = new HashSet<>();
        if (staffIds.isEmpty()) {
            return new PriorExposures(asOf, doses, exposedToIncident);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(DOSES_AROUND_INCIDENT)
                .setParameter(1, staffIds.toArray(String[]::new))
                .setParameter(2, incidentId)
                .setParameter(3, asOf.minus(MONTH))
                .setParameter(4, asOf.minus(QUARTER))
                .setParameter(5, asOf)
                .unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(Exposure.class)
                .getResultList();
        for (Object[] row : rows) {
            String staffId = (String) row[0];
            doses.put(staffId, new ExposureDose(staffId, asOf, ((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
            if (Boolean.TRUE.equals(row[3])) {
                exposedToIncident.add(staffId);
            }
        }
        return new PriorExposures(asOf, doses, exposedToIncident);
    }

    /** What one query found about the people an incident exposed, before their exposures to it are recorded. */
    record PriorExposures(Instant asOf, Map<String, ExposureDose> doses, Set<String> exposedToIncident) {

        ExposureDose doseOf(String staffId) {
            return doses.getOrDefault(staffId, new ExposureDose(staffId, asOf, 0, 0));
        }

        boolean isExposedToIncident(String staffId) {
            return exposedToIncident.contains(staffId);
        }

        boolean anyoneExposedToIncident() {
            return !exposedToIncident.isEmpty();
        }
    }
}
