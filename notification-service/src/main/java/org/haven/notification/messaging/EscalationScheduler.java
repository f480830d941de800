package org.haven.notification.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.haven.notification.domain.EscalationFiring;
import org.haven.notification.domain.EscalationStep;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Fires the escalation levels that have come due, one per transaction. The first run after a start
 * fires whatever came due while the service was down. Each step is locked with
 * {@code FOR UPDATE SKIP LOCKED} and marked FIRED in the transaction that pages it, so two replicas
 * (or two runs) never page the same level twice, and a crash mid-page leaves the step to fire again.
 */
@ApplicationScoped
public class EscalationScheduler {

    private static final Logger LOG = Logger.getLogger(EscalationScheduler.class);

    private final EntityManager entityManager;
    private final EscalationFiring firing;
    private final Clock clock;

    EscalationScheduler(EntityManager entityManager, EscalationFiring firing, Clock clock) {
        this.entityManager = entityManager;
        this.firing = firing;
        this.clock = clock;
    }

    @Scheduled(every = "${haven.notification.escalation.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            fireDue();
        } catch (RuntimeException e) {
            LOG.warnf("Escalation run stopped, the next one retries: %s", e.getMessage());
        }
    }

    /** Fires every step due now; returns how many this call fired. */
    public int fireDue() {
        int fired = 0;
        while (fireNextDue()) {
            fired++;
        }
        return fired;
    }

    private boolean fireNextDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            // No result class, as in DeliverySender: with one, each call would add a plan to Hibernate's cache.
            @SuppressWarnings("unchecked")
            List<UUID> due = entityManager.createNativeQuery("""
                            SELECT id FROM escalation_step
                            WHERE status = 'PENDING' AND due_at <= ?1
                            ORDER BY due_at
                            LIMIT 1
                            FOR UPDATE SKIP LOCKED""")
                    .setParameter(1, clock.instant())
                    .getResultList();
            if (due.isEmpty()) {
                return false;
            }
            firing.fire(entityManager.find(EscalationStep.class, due.get(0)));
            return true;
        });
    }
}
