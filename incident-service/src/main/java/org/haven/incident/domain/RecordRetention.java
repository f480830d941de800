package org.haven.incident.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.haven.incident.config.JurisdictionConfig;
import org.haven.incident.config.RetentionConfig;
import org.haven.messaging.RetentionPurges;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Deletes incident records whose record-keeping period is over: the incident with its amendments and
 * checklist items, counted from when it was reported, by the period of its site's jurisdiction; then audit
 * entries older than the audit period whose incident is gone (an entry about an incident is never deleted
 * before the incident). Each batch is one transaction that also writes an audit entry (actor
 * {@value #ACTOR}, action PURGED, what and how many, the cutoff), so the log says what was removed, never what
 * it said. A PostgreSQL advisory lock lets one replica purge at a time; the others skip. Deleting what is
 * already gone deletes nothing, so a purge can run any number of times.
 */
@ApplicationScoped
public class RecordRetention {

    public static final String ACTOR = RetentionPurges.ACTOR;
    private static final Logger LOG = Logger.getLogger(RecordRetention.class);

    private final EntityManager entityManager;
    private final RetentionConfig retention;
    private final JurisdictionConfig jurisdictions;
    private final Clock clock;

    RecordRetention(EntityManager entityManager, RetentionConfig retention, JurisdictionConfig jurisdictions, Clock clock) {
        this.entityManager = entityManager;
        this.retention = retention;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
        RetentionPurges.checkedBatchSize(retention.batchSize());
    }

    /** What one batch removed. */
    public record Purged(int incidents, int amendments, int checklistItems, int auditEntries) {
        int total() {
            return incidents + amendments + checklistItems + auditEntries;
        }
    }

    @Scheduled(cron = "${haven.retention.purge-cron:0 17 3 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Purges batch after batch until nothing is due (or another replica holds the lock); returns the totals. */
    public Purged purge() {
        int incidents = 0, amendments = 0, checklist = 0, audit = 0;
        Purged batch;
        do {
            batch = purgeBatch();
            incidents += batch.incidents();
            amendments += batch.amendments();
            checklist += batch.checklistItems();
            audit += batch.auditEntries();
        } while (batch.incidents() == retention.batchSize() || batch.auditEntries() == retention.batchSize());
        return new Purged(incidents, amendments, checklist, audit);
    }

    @Transactional
    public Purged purgeBatch() {
        boolean locked = RetentionPurges.lockForThisTransaction(entityManager);
        if (!locked) {
            return new Purged(0, 0, 0, 0);
        }
        entityManager.createNativeQuery("SELECT set_config('haven.retention_purge', 'on', true)").getSingleResult();
        Instant now = clock.instant();
        Instant defaultCutoff = RetentionPurges.cutoff(now, periodOf(jurisdictions.defaultJurisdiction()));
        List<String> sites = new ArrayList<>(jurisdictions.sites().keySet());
        Instant[] siteCutoffs = sites.stream().map(site -> RetentionPurges.cutoff(now, periodOf(jurisdictions.sites().get(site))))
                .toArray(Instant[]::new);

        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery("""
                        SELECT i.id FROM incident i
                        LEFT JOIN unnest(CAST(?1 AS varchar[]), CAST(?2 AS timestamptz[])) AS rule (site_id, cutoff)
                            ON rule.site_id = i.site_id
                        WHERE i.reported_at < coalesce(rule.cutoff, CAST(?3 AS timestamptz))
                        ORDER BY i.reported_at
                        LIMIT ?4
                        FOR UPDATE OF i SKIP LOCKED""", UUID.class)
                .setParameter(1, sites.toArray(String[]::new))
                .setParameter(2, siteCutoffs)
                .setParameter(3, defaultCutoff)
                .setParameter(4, retention.batchSize())
                .getResultList();
        UUID[] ids = due.toArray(UUID[]::new);
        int checklist = 0, amendments = 0, incidents = 0;
        if (ids.length > 0) {
            checklist = delete("DELETE FROM external_notification WHERE incident_id = ANY(?1)", ids);
            amendments = delete("DELETE FROM incident_amendment WHERE incident_id = ANY(?1)", ids);
            incidents = delete("DELETE FROM incident WHERE id = ANY(?1)", ids);
        }
        Instant auditCutoff = RetentionPurges.cutoff(now, retention.auditLog().orElse(retention.incidentRecords()));
        int audit = entityManager.createNativeQuery("""
                        DELETE FROM incident_audit WHERE id IN (
                            SELECT a.id FROM incident_audit a
                            WHERE a.at < ?1
                              AND (a.incident_id IS NULL OR NOT EXISTS (SELECT 1 FROM incident i WHERE i.id = a.incident_id))
                            ORDER BY a.at
                            LIMIT ?2
                            FOR UPDATE SKIP LOCKED)""")
                .setParameter(1, auditCutoff)
                .setParameter(2, retention.batchSize())
                .executeUpdate();
        Purged purged = new Purged(incidents, amendments, checklist, audit);
        if (purged.total() > 0) {
            entityManager.createNativeQuery("""
                            INSERT INTO incident_audit (at, actor_id, action, incident_id, site_id, detail)
                            VALUES (?1, ?2, 'PURGED', NULL, NULL, ?3)""")
                    .setParameter(1, now)
                    .setParameter(2, ACTOR)
                    .setParameter(3, "incidents=%d amendments=%d checklist-items=%d audit-entries=%d incident-cutoff=%s audit-cutoff=%s"
                            .formatted(incidents, amendments, checklist, audit, defaultCutoff, auditCutoff)
                            + (sites.isEmpty() ? "" : " (per-site cutoffs where a site's jurisdiction sets its own period)"))
                    .executeUpdate();
            LOG.infof("Retention purge: %s", purged);
        }
        return purged;
    }

    private int delete(String sql, UUID[] ids) {
        return entityManager.createNativeQuery(sql).setParameter(1, ids).executeUpdate();
    }

    private Period periodOf(String jurisdiction) {
        return retention.byJurisdiction().getOrDefault(jurisdiction, retention.incidentRecords());
    }
}
