package org.haven.incident.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records every read and change of an incident: who, when, what. Entries are written with plain inserts (the
 * database numbers them), never loaded back into the session: one statement per call, however many incidents
 * a page lists, and nothing for Hibernate to track or flush.
 */
@ApplicationScoped
public class AuditTrail {

    private static final String INSERT_ALL = """
            INSERT INTO incident_audit (at, actor_id, action, incident_id, site_id)
            SELECT CAST(?1 AS timestamptz), CAST(?2 AS varchar), CAST(?3 AS varchar), listed.incident_id, listed.site_id
            FROM unnest(CAST(?4 AS uuid[]), CAST(?5 AS varchar[])) WITH ORDINALITY AS listed (incident_id, site_id, position)
            ORDER BY listed.position""";

    private final EntityManager entityManager;
    private final Clock clock;

    AuditTrail(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actorId, AuditEntry.Action action, Incident incident) {
        recordAll(actorId, action, List.of(incident));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(String actorId, AuditEntry.Action action, List<Incident> incidents) {
        if (incidents.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        entityManager.createNativeQuery(INSERT_ALL)
                .setParameter(1, at)
                .setParameter(2, actorId)
                .setParameter(3, action.name())
                .setParameter(4, incidents.stream().map(incident -> incident.id).toArray(UUID[]::new))
                .setParameter(5, incidents.stream().map(incident -> incident.siteId).toArray(String[]::new))
                .unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(AuditEntry.class)
                .executeUpdate();
    }
}
