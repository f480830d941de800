package org.haven.wellness.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.haven.wellness.config.RetentionConfig;
import org.haven.messaging.RetentionPurges;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Deletes wellness records once {@code haven.retention.wellness-records} has passed: check-ins, conversation
 * requests, follow-ups (once no younger check-in hangs on them), exposures and the audit log. The cutoff is
 * the start of a UTC month, so a month's records go all at once: a team figure of a month is either whole or
 * gone, never shrinking day by day in a way that could be differenced. Exposures older than the period no
 * longer count in any dose, which is why the period must exceed the longest exposure window. Each batch is one
 * transaction under an advisory lock and writes a PURGED audit entry with counts and the cutoff; purging again
 * deletes nothing.
 */
@ApplicationScoped
public class WellnessRetention {

    public static final String ACTOR = RetentionPurges.ACTOR;
    /** The longest exposure window a dose is counted over, and a margin. */
    private static final Duration SHORTEST_PERIOD = Duration.ofDays(91);
    private static final Logger LOG = Logger.getLogger(WellnessRetention.class);

    private final EntityManager entityManager;
    private final RetentionConfig retention;
    private final WellnessAudit audit;
    private final Clock clock;

    WellnessRetention(EntityManager entityManager, RetentionConfig retention, WellnessAudit audit, Clock clock) {
        this.entityManager = entityManager;
        this.retention = retention;
        this.audit = audit;
        this.clock = clock;
        Instant now = Instant.parse("2000-03-01T00:00:00Z");
        if (now.atZone(ZoneOffset.UTC).minus(retention.wellnessRecords()).toInstant().isAfter(now.minus(SHORTEST_PERIOD))) {
            throw new IllegalStateException("haven.retention.wellness-records " + retention.wellnessRecords()
                    + " is shorter than the 90-day exposure window: doses would forget incidents they must count");
        }
        RetentionPurges.checkedBatchSize(retention.batchSize());
    }

    /** What one batch removed. */
    public record Purged(int checkIns, int conversationRequests, int followUps, int exposures, int auditEntries) {
        int total() {
            return checkIns + conversationRequests + followUps + exposures + auditEntries;
        }

        int largest() {
            return Math.max(Math.max(checkIns, conversationRequests), Math.max(Math.max(followUps, exposures), auditEntries));
        }

        Purged plus(Purged other) {
            return new Purged(checkIns + other.checkIns, conversationRequests + other.conversationRequests,
                    followUps + other.followUps, exposures + other.exposures, auditEntries + other.auditEntries);
        }
    }

    @Scheduled(cron = "${haven.retention.purge-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Purges batch after batch until nothing is due (or another replica holds the lock); returns the totals. */
    public Purged purge() {
        Purged total = new Purged(0, 0, 0, 0, 0);
        Purged batch;
        do {
            batch = purgeBatch();
            total = total.plus(batch);
        } while (batch.largest() == retention.batchSize());
        return total;
    }

    /** The first instant kept: the start of the UTC month that {@code now} minus the period falls in. */
    public Instant cutoff(Instant now) {
        return YearMonth.from(now.atZone(ZoneOffset.UTC).minus(retention.wellnessRecords()))
                .atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    @Transactional
    public Purged purgeBatch() {
        boolean locked = RetentionPurges.lockForThisTransaction(entityManager);
        if (!locked) {
            return new Purged(0, 0, 0, 0, 0);
        }
        Instant now = clock.instant();
        Instant cutoff = cutoff(now);
        int limit = retention.batchSize();

        UUID[] checkIns = ids("SELECT id FROM check_in WHERE submitted_at < ?1 ORDER BY submitted_at LIMIT ?2 FOR UPDATE SKIP LOCKED",
                cutoff, limit);
        int checkInsPurged = 0;
        if (checkIns.length > 0) {
            // A request made later than its check-in outlives it by the same rule, counted from when it was made.
            update("UPDATE conversation_request SET check_in_id = NULL WHERE check_in_id = ANY(?1)", checkIns);
            checkInsPurged = update("DELETE FROM check_in WHERE id = ANY(?1)", checkIns);
        }
        int requests = entityManager.createNativeQuery("""
                        DELETE FROM conversation_request WHERE id IN (
                            SELECT id FROM conversation_request WHERE requested_at < ?1
                            ORDER BY requested_at LIMIT ?2 FOR UPDATE SKIP LOCKED)""")
                .setParameter(1, cutoff).setParameter(2, limit).executeUpdate();
        int followUps = entityManager.createNativeQuery("""
                        DELETE FROM follow_up WHERE id IN (
                            SELECT f.id FROM follow_up f
                            WHERE f.created_at < ?1 AND NOT EXISTS (SELECT 1 FROM check_in c WHERE c.follow_up_id = f.id)
                            ORDER BY f.created_at LIMIT ?2 FOR UPDATE SKIP LOCKED)""")
                .setParameter(1, cutoff).setParameter(2, limit).executeUpdate();
        int exposures = entityManager.createNativeQuery("""
                        DELETE FROM exposure WHERE (staff_id, incident_id) IN (
                            SELECT staff_id, incident_id FROM exposure WHERE occurred_at < ?1
                            ORDER BY occurred_at LIMIT ?2 FOR UPDATE SKIP LOCKED)""")
                .setParameter(1, cutoff).setParameter(2, limit).executeUpdate();
        int auditEntries = RetentionPurges.deleteOldest(entityManager, "wellness_audit", "at", cutoff, limit);

        Purged purged = new Purged(checkInsPurged, requests, followUps, exposures, auditEntries);
        if (purged.total() > 0) {
            audit.purged(ACTOR, "check-ins=%d conversation-requests=%d follow-ups=%d exposures=%d audit-entries=%d cutoff=%s"
                    .formatted(checkInsPurged, requests, followUps, exposures, auditEntries, cutoff), now);
            LOG.infof("Retention purge: %s", purged);
        }
        return purged;
    }

    private UUID[] ids(String sql, Instant cutoff, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery(sql, UUID.class)
                .setParameter(1, cutoff).setParameter(2, limit).getResultList();
        return ids.toArray(UUID[]::new);
    }

    private int update(String sql, UUID[] ids) {
        return entityManager.createNativeQuery(sql).setParameter(1, ids).executeUpdate();
    }
}
