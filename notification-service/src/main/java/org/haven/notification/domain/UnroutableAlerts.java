package org.haven.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.List;

/**
 * Critical incidents no one in the site's chain could be paged for, until someone takes charge: what the alerts and
 * console pages show as a banner. Each is one UNROUTABLE alert; its administrators' alerts say who was paged instead.
 */
@ApplicationScoped
public class UnroutableAlerts {

    /** One unhandled unroutable incident, and how many administrators were paged for it. */
    public record Open(Alert alert, boolean siteListed, int administratorsPaged) {
    }

    private final EntityManager entityManager;
    private final Directory directory;

    UnroutableAlerts(EntityManager entityManager, Directory directory) {
        this.entityManager = entityManager;
        this.directory = directory;
    }

    /** The open ones at {@code sites}, or at every site when {@code sites} is null; newest first, at most 50. */
    public List<Open> open(Collection<String> sites) {
        if (sites != null && sites.isEmpty()) {
            return List.of();
        }
        var query = entityManager.createQuery("""
                        SELECT a FROM Alert a WHERE a.status = :unroutable
                        AND NOT EXISTS (SELECT e FROM Escalation e WHERE e.incidentId = a.incidentId AND e.status = :acknowledged)
                        """ + (sites == null ? "" : "AND a.siteId IN :sites ") + "ORDER BY a.raisedAt DESC", Alert.class)
                .setParameter("unroutable", AlertStatus.UNROUTABLE)
                .setParameter("acknowledged", EscalationStatus.ACKNOWLEDGED)
                .setMaxResults(50);
        if (sites != null) {
            query.setParameter("sites", sites);
        }
        return query.getResultList().stream()
                .map(a -> new Open(a, directory.site(a.siteId).isPresent(), administratorsPaged(a)))
                .toList();
    }

    private int administratorsPaged(Alert unroutable) {
        return ((Number) entityManager.createNativeQuery("""
                        SELECT count(*) FROM alert a JOIN administrator d ON d.person_id = a.recipient_id WHERE a.incident_id = ?1""")
                .setParameter(1, unroutable.incidentId).getSingleResult()).intValue();
    }
}
