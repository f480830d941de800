package org.haven.debrief.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.haven.debrief.config.RetentionConfig;
import org.haven.messaging.RetentionPurges;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Two periods, because debrief-service keeps two kinds of thing. What people shared (the circle's notes) and why
 * a debrief was moved or cancelled are free text about people, useful while the team follows through: removed
 * after {@code haven.retention.circle-notes}, leaving the fact that notes were written and when. The debrief itself
 * is part of the incident's record (was the mandatory debrief held, in time, who came, what was agreed): deleted
 * with everything that cascades from it after {@code debrief-records}. Each batch is one transaction under an
 * advisory lock and logs what it did (actor {@value #ACTOR}, counts, cutoffs) in {@code debrief_audit}; purging again
 * changes nothing.
 */
@ApplicationScoped
public class DebriefRetention {

    public static final String ACTOR = RetentionPurges.ACTOR;
    private static final Logger LOG = Logger.getLogger(DebriefRetention.class);

    private final EntityManager entityManager;
    private final RetentionConfig retention;
    private final Clock clock;

    DebriefRetention(EntityManager entityManager, RetentionConfig retention, Clock clock) {
        this.entityManager = entityManager;
        this.retention = retention;
        this.clock = clock;
        RetentionPurges.checkedBatchSize(retention.batchSize());
    }

    /** What one batch did. */
    public record Purged(int debriefs, int notesRemoved, int reasonsRemoved, int auditEntries) {
        int total() {
            return debriefs + notesRemoved + reasonsRemoved + auditEntries;
        }

        int largest() {
            return Math.max(Math.max(debriefs, notesRemoved), Math.max(reasonsRemoved, auditEntries));
        }

        Purged plus(Purged other) {
            return new Purged(debriefs + other.debriefs, notesRemoved + other.notesRemoved,
                    reasonsRemoved + other.reasonsRemoved, auditEntries + other.auditEntries);
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
        } while (batch.largest() == retention.batchSize());
        return total;
    }

    @Transactional
    public Purged purgeBatch() {
        boolean locked = RetentionPurges.lockForThisTransaction(entityManager);
        if (!locked) {
            return new Purged(0, 0, 0, 0);
        }
        Instant now = clock.instant();
        Instant recordCutoff = RetentionPurges.cutoff(now, retention.debriefRecords());
        Instant notesCutoff = RetentionPurges.cutoff(now, retention.circleNotes());
        int limit = retention.batchSize();

        // Participants, incidents, the circle record, make-up conversations and actions go with it (ON DELETE CASCADE).
        int debriefs = entityManager.createNativeQuery("""
                        DELETE FROM debrief WHERE id IN (
                            SELECT id FROM debrief WHERE created_at < ?1 ORDER BY created_at LIMIT ?2 FOR UPDATE SKIP LOCKED)""")
                .setParameter(1, recordCutoff).setParameter(2, limit).executeUpdate();
        int notes = entityManager.createNativeQuery("""
                        UPDATE circle_record SET opening = NULL, what_happened = NULL, reactions = NULL, what_helped = NULL,
                                                 shared_values = NULL, support_needs = NULL, notes_removed_at = ?1
                        WHERE debrief_id IN (
                            SELECT debrief_id FROM circle_record WHERE notes_removed_at IS NULL AND written_at < ?2
                            ORDER BY written_at LIMIT ?3 FOR UPDATE SKIP LOCKED)""")
                .setParameter(1, now).setParameter(2, notesCutoff).setParameter(3, limit).executeUpdate();
        int reasons = entityManager.createNativeQuery("""
                        UPDATE debrief SET change_reason = NULL, change_reason_removed_at = ?1, version = version + 1
                        WHERE id IN (
                            SELECT id FROM debrief
                            WHERE change_reason IS NOT NULL AND status IN ('CLOSED', 'CANCELLED') AND created_at < ?2
                            ORDER BY created_at LIMIT ?3 FOR UPDATE SKIP LOCKED)""")
                .setParameter(1, now).setParameter(2, notesCutoff).setParameter(3, limit).executeUpdate();
        int audit = RetentionPurges.deleteOldest(entityManager, "debrief_audit", "at", RetentionPurges.cutoff(now, retention.auditLog()), limit);

        Purged purged = new Purged(debriefs, notes, reasons, audit);
        if (purged.total() > 0) {
            entityManager.createNativeQuery("""
                            INSERT INTO debrief_audit (at, actor_id, action, detail) VALUES (?1, ?2, 'PURGED', ?3)""")
                    .setParameter(1, now).setParameter(2, ACTOR)
                    .setParameter(3, "debriefs=%d circle-notes-removed=%d change-reasons-removed=%d audit-entries=%d record-cutoff=%s notes-cutoff=%s"
                            .formatted(debriefs, notes, reasons, audit, recordCutoff, notesCutoff))
                    .executeUpdate();
            LOG.infof("Retention purge: %s", purged);
        }
        return purged;
    }
}
