package org.haven.wellness.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The wellness service's audit log: erasures and purges, with who, when, which site and month, and counts —
 * never an answer or a score. Plain inserts; nothing reads entries back but the team figures (was a month's
 * check-in changed by an erasure after the month closed?) and admins with database access.
 */
@ApplicationScoped
public class WellnessAudit {

    public static final String CHECK_IN_ERASED = "CHECK_IN_ERASED";
    public static final String PURGED = "PURGED";

    private final EntityManager entityManager;

    WellnessAudit(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void checkInErased(String staffId, String siteId, Instant submittedAt, Instant at) {
        LocalDate month = YearMonth.from(submittedAt.atZone(ZoneOffset.UTC)).atDay(1);
        insert(at, staffId, CHECK_IN_ERASED, siteId, month, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void purged(String actor, String detail, Instant at) {
        insert(at, actor, PURGED, null, null, detail);
    }

    /** Whether a check-in given at the site in the month was erased at or after {@code closedAt}. */
    public boolean erasedAfter(String siteId, YearMonth month, Instant closedAt) {
        return !entityManager.createNativeQuery("""
                        SELECT 1 FROM wellness_audit
                        WHERE action = 'CHECK_IN_ERASED' AND site_id = ?1 AND month_of = ?2 AND at >= ?3
                        LIMIT 1""")
                .setParameter(1, siteId).setParameter(2, month.atDay(1)).setParameter(3, closedAt)
                .getResultList().isEmpty();
    }

    private void insert(Instant at, String actor, String action, String siteId, LocalDate month, String detail) {
        entityManager.createNativeQuery("""
                        INSERT INTO wellness_audit (at, actor_id, action, site_id, month_of, detail)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, at).setParameter(2, actor).setParameter(3, action)
                .setParameter(4, siteId).setParameter(5, month).setParameter(6, detail)
                .executeUpdate();
    }
}
