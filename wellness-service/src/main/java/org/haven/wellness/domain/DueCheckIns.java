package org.haven.wellness.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.haven.wellness.messaging.FollowUpEvents;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Tells each staff member, once, that a self check-in of theirs has come due (notification-service
 * delivers it during their shift). Every pass announces everything due and not yet announced, so a
 * pass after downtime catches up, once. Rows are claimed with {@code FOR UPDATE SKIP LOCKED} and marked
 * in the transaction that writes the outbox event, so two replicas never announce the same one.
 */
@ApplicationScoped
public class DueCheckIns {

    static final int BATCH = 100;

    private final EntityManager entityManager;
    private final FollowUpEvents events;
    private final Clock clock;

    DueCheckIns(EntityManager entityManager, FollowUpEvents events, Clock clock) {
        this.entityManager = entityManager;
        this.events = events;
        this.clock = clock;
    }

    /** @return how many check-ins this pass announced */
    public int announceDue() {
        int announced = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::announceBatch);
            announced += batch;
        } while (batch == BATCH);
        return announced;
    }

    private int announceBatch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<FollowUp> due = entityManager.createNativeQuery("""
                        SELECT * FROM follow_up
                        WHERE status = 'OPEN' AND due_announced_at IS NULL AND due_at <= ?1 AND kind <> ?2
                        ORDER BY due_at
                        LIMIT ?3
                        FOR UPDATE SKIP LOCKED""", FollowUp.class)
                .setParameter(1, now)
                .setParameter(2, FollowUpKind.SUPERVISOR_CHECK_IN.name())
                .setParameter(3, BATCH)
                .getResultList();
        for (FollowUp followUp : due) {
            followUp.dueAnnouncedAt = now;
            events.due(followUp, now);
        }
        return due.size();
    }
}
