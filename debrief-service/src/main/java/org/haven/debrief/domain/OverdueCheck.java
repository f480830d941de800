package org.haven.debrief.domain;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.debrief.messaging.DebriefEvents;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Marks each debrief whose deadline passed unheld as overdue, once, and announces it. The check works
 * from state, not from timers, so whatever fell due while the service was down is caught on its next run;
 * {@code FOR UPDATE SKIP LOCKED} lets two replicas run it at the same moment without doubling an event.
 */
@ApplicationScoped
public class OverdueCheck {

    static final int BATCH = 100;

    private final DebriefEvents events;
    private final MeterRegistry metrics;
    private final Clock clock;

    OverdueCheck(DebriefEvents events, MeterRegistry metrics, Clock clock) {
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(every = "${haven.debrief.overdue-check}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        while (markOverdue() == BATCH) {
            // a long outage left more than one batch due: keep going
        }
    }

    /** @return how many debriefs this run marked overdue */
    @Transactional
    public int markOverdue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> due = Panache.getEntityManager().createNativeQuery("""
                        SELECT id FROM debrief
                        WHERE overdue_at IS NULL AND status IN ('SCHEDULED', 'RESCHEDULED') AND deadline <= ?1
                        ORDER BY deadline LIMIT ?2
                        FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, now).setParameter(2, BATCH).getResultList();
        for (UUID id : due) {
            Debrief debrief = Debrief.findById(id);
            debrief.overdueAt = now;
            events.overdue(debrief);
            metrics.counter("haven.debrief.overdue", "site", debrief.siteId).increment();
        }
        return due.size();
    }
}
