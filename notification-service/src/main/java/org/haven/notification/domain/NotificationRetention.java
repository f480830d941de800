package org.haven.notification.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.haven.notification.config.RetentionConfig;
import org.haven.messaging.RetentionPurges;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps what notification-service knows of people's addresses short-lived. Notices (their text, and the
 * deliveries that hold an address or phone number) are deleted once {@code haven.retention.notices} has passed;
 * an alert keeps its history (who was paged, over which channel, when, who acknowledged), but the destination of
 * each page, and any provider error that might quote it, is removed after {@code delivery-destinations}. Nothing
 * still due to be sent is touched. Each batch is one transaction under an advisory lock and logs what it did
 * (actor {@value #ACTOR}, counts, cutoffs) in {@code notification_audit}; purging again changes nothing.
 */
@ApplicationScoped
public class NotificationRetention {

    public static final String ACTOR = RetentionPurges.ACTOR;
    private static final Logger LOG = Logger.getLogger(NotificationRetention.class);
    /** A delivery the sender may still pick up. */
    private static final String STILL_DUE = "d.next_attempt_at IS NOT NULL AND d.status IN ('PENDING', 'QUEUED', 'FAILED')";

    private final EntityManager entityManager;
    private final RetentionConfig retention;
    private final Clock clock;

    NotificationRetention(EntityManager entityManager, RetentionConfig retention, Clock clock) {
        this.entityManager = entityManager;
        this.retention = retention;
        this.clock = clock;
        RetentionPurges.checkedBatchSize(retention.batchSize());
    }

    /** What one batch removed. */
    public record Purged(int notices, int noticeDeliveries, int destinationsRemoved, int auditEntries) {
        int total() {
            return notices + noticeDeliveries + destinationsRemoved + auditEntries;
        }

        Purged plus(Purged other) {
            return new Purged(notices + other.notices, noticeDeliveries + other.noticeDeliveries,
                    destinationsRemoved + other.destinationsRemoved, auditEntries + other.auditEntries);
        }
    }

    @Scheduled(cron = "${haven.retention.purge-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Purges batch after batch until nothing is due (or another replica holds the lock); returns the totals. */
    public Purged purge() {
        Purged total = new Purged(0, 0, 0, 0);
        Purged batch;
        do {
            batch = purgeBatch();
            total = total.plus(batch);
        } while (batch.notices() == retention.batchSize() || batch.destinationsRemoved() == retention.batchSize()
                || batch.auditEntries() == retention.batchSize());
        return total;
    }

    @Transactional
    public Purged purgeBatch() {
        boolean locked = RetentionPurges.lockForThisTransaction(entityManager);
        if (!locked) {
            return new Purged(0, 0, 0, 0);
        }
        Instant now = clock.instant();
        Instant noticeCutoff = RetentionPurges.cutoff(now, retention.notices());
        Instant destinationCutoff = RetentionPurges.cutoff(now, retention.deliveryDestinations());
        int limit = retention.batchSize();

        @SuppressWarnings("unchecked")
        List<UUID> notices = entityManager.createNativeQuery("""
                        SELECT n.id FROM notice n
                        WHERE n.created_at < ?1
                          AND NOT EXISTS (SELECT 1 FROM notice_delivery d WHERE d.notice_id = n.id AND %s)
                        ORDER BY n.created_at LIMIT ?2
                        FOR UPDATE OF n SKIP LOCKED""".formatted(STILL_DUE), UUID.class)
                .setParameter(1, noticeCutoff).setParameter(2, limit).getResultList();
        int deliveries = 0, noticesPurged = 0;
        if (!notices.isEmpty()) {
            UUID[] ids = notices.toArray(UUID[]::new);
            deliveries = entityManager.createNativeQuery("DELETE FROM notice_delivery WHERE notice_id = ANY(?1)")
                    .setParameter(1, ids).executeUpdate();
            noticesPurged = entityManager.createNativeQuery("DELETE FROM notice WHERE id = ANY(?1)")
                    .setParameter(1, ids).executeUpdate();
        }
        int destinations = entityManager.createNativeQuery("""
                        UPDATE alert_delivery SET destination = NULL, last_error = NULL WHERE id IN (
                            SELECT d.id FROM alert_delivery d
                            WHERE d.destination IS NOT NULL AND d.created_at < ?1 AND NOT (%s)
                            ORDER BY d.created_at LIMIT ?2
                            FOR UPDATE SKIP LOCKED)""".formatted(STILL_DUE))
                .setParameter(1, destinationCutoff).setParameter(2, limit).executeUpdate();
        int audit = RetentionPurges.deleteOldest(entityManager, "notification_audit", "at", RetentionPurges.cutoff(now, retention.auditLog()), limit);

        Purged purged = new Purged(noticesPurged, deliveries, destinations, audit);
        if (purged.total() > 0) {
            entityManager.createNativeQuery("""
                            INSERT INTO notification_audit (at, actor_id, action, detail) VALUES (?1, ?2, 'PURGED', ?3)""")
                    .setParameter(1, now).setParameter(2, ACTOR)
                    .setParameter(3, "notices=%d notice-deliveries=%d alert-delivery-destinations=%d audit-entries=%d notice-cutoff=%s destination-cutoff=%s"
                            .formatted(noticesPurged, deliveries, destinations, audit, noticeCutoff, destinationCutoff))
                    .executeUpdate();
            LOG.infof("Retention purge: %s", purged);
        }
        return purged;
    }
}
