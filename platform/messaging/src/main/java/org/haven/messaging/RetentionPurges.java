package org.haven.messaging;

import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * What every service's retention purge shares: one advisory lock for all purges of a database, so two
 * replicas never purge at once; cutoffs counted back from the service's clock in UTC; a batch size that can
 * end a batch loop; and the oldest-first bounded delete of an append-only log.
 */
public final class RetentionPurges {

    /** Actor of the audit entries the purges write. */
    public static final String ACTOR = "retention";
    /** Key of the advisory lock that serialises purges sharing one database ("haven-rtn"). */
    private static final long LOCK = 0x68617665_6e72746eL;

    private RetentionPurges() {
    }

    /** Takes the purge lock until the current transaction ends; false when another replica holds it. */
    public static boolean lockForThisTransaction(EntityManager entityManager) {
        return (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK).getSingleResult();
    }

    /** The oldest instant kept: {@code now} minus the period, counted in UTC. */
    public static Instant cutoff(Instant now, Period period) {
        return now.atZone(ZoneOffset.UTC).minus(period).toInstant();
    }

    /** A batch size of zero would never end a purge. */
    public static int checkedBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalStateException("haven.retention.batch-size must be at least 1");
        }
        return batchSize;
    }

    /**
     * Deletes up to {@code limit} rows of {@code table} (a constant, never input) whose {@code column} is before
     * the cutoff, oldest first, skipping rows another transaction holds; returns how many went.
     */
    public static int deleteOldest(EntityManager entityManager, String table, String column, Instant cutoff, int limit) {
        return entityManager.createNativeQuery("""
                        DELETE FROM %1$s WHERE id IN (
                            SELECT id FROM %1$s WHERE %2$s < ?1 ORDER BY %2$s LIMIT ?2 FOR UPDATE SKIP LOCKED)""".formatted(table, column))
                .setParameter(1, cutoff).setParameter(2, limit).executeUpdate();
    }
}
