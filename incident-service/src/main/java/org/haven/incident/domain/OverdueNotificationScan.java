package org.haven.incident.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.haven.incident.messaging.IncidentEvents;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Announces every external notification still open after its deadline, exactly once. State-based,
 * not timer-based: a scan after downtime finds everything that came due meanwhile. Rows are claimed
 * with {@code FOR UPDATE SKIP LOCKED} and marked in the same transaction as their outbox event, so two
 * replicas scanning at once never announce the same item twice.
 */
@ApplicationScoped
public class OverdueNotificationScan {

    private static final int BATCH = 100;

    private final EntityManager entityManager;
    private final IncidentEvents events;
    private final Clock clock;

    OverdueNotificationScan(EntityManager entityManager, IncidentEvents events, Clock clock) {
        this.entityManager = entityManager;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(every = "${haven.checklist.overdue-scan:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        while (announceBatch() == BATCH) {
            // keep going until everything overdue is announced
        }
    }

    /** Announces up to one batch of overdue items; returns how many it announced. */
    @Transactional
    public int announceBatch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery("""
                        SELECT id FROM external_notification
                        WHERE done_at IS NULL AND overdue_announced_at IS NULL AND due_at <= ?1
                        ORDER BY due_at
                        LIMIT ?2
                        FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, now)
                .setParameter(2, BATCH)
                .getResultList();
        for (UUID id : due) {
            ExternalNotification item = entityManager.find(ExternalNotification.class, id);
            item.overdueAnnouncedAt = now;
            events.notificationOverdue(item, now);
        }
        return due.size();
    }
}
