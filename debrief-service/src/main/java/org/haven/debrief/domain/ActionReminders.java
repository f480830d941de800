package org.haven.debrief.domain;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.debrief.config.ActionReminderConfig;
import org.haven.debrief.messaging.DebriefEvents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Tells the owner of each open agreed action, once, that it is coming due (a configured lead time before
 * its date runs out) and, once, that its date passed unfinished. Like {@link OverdueCheck} it works from
 * state: each notice records the due date it was for, so a run after downtime catches up, a moved due date
 * re-arms both notices, and {@code FOR UPDATE SKIP LOCKED} keeps two replicas from sending one twice.
 * An action whose date passed before its reminder went out gets only the overdue notice.
 */
@ApplicationScoped
public class ActionReminders {

    static final int BATCH = 100;

    private final DebriefEvents events;
    private final MeterRegistry metrics;
    private final ActionReminderConfig config;
    private final Clock clock;

    ActionReminders(DebriefEvents events, MeterRegistry metrics, ActionReminderConfig config, Clock clock) {
        this.events = events;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${haven.debrief.action-reminders.check}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        while (remind() == BATCH) {
            // a long outage left more than one batch due: keep going
        }
    }

    /** @return how many notices this run sent */
    @Transactional
    public int remind() {
        Instant now = clock.instant();
        // An action due on D is due until D ends: overdue once today is past D, reminded once now + lead is.
        LocalDate overdueBefore = LocalDate.ofInstant(now, config.zone());
        LocalDate remindBefore = LocalDate.ofInstant(now.plus(config.leadTime()), config.zone());
        @SuppressWarnings("unchecked")
        List<Object[]> due = Panache.getEntityManager().createNativeQuery("""
                        SELECT a.id, d.site_id FROM action_item a JOIN debrief d ON d.id = a.debrief_id
                        WHERE a.status = 'OPEN'
                          AND ((a.due_on < ?1 AND a.overdue_noticed_for IS DISTINCT FROM a.due_on)
                            OR (a.due_on < ?2 AND a.reminded_for IS DISTINCT FROM a.due_on))
                        ORDER BY a.due_on, a.id LIMIT ?3
                        FOR UPDATE OF a SKIP LOCKED""")
                .setParameter(1, overdueBefore).setParameter(2, remindBefore).setParameter(3, BATCH).getResultList();
        for (Object[] row : due) {
            ActionItem item = ActionItem.findById((UUID) row[0]);
            String siteId = (String) row[1];
            boolean overdue = item.dueOn.isBefore(overdueBefore);
            item.remindedFor = item.dueOn;
            if (overdue) {
                item.overdueNoticedFor = item.dueOn;
            }
            events.actionDue(item, siteId, item.dueAt(config.zone()), overdue);
            metrics.counter("haven.debrief.action.notices", "site", siteId, "overdue", Boolean.toString(overdue)).increment();
        }
        return due.size();
    }
}
