package org.haven.wellness.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.haven.wellness.domain.DueCheckIns;

/** Runs {@link DueCheckIns} on a short interval; the first pass after a start catches up on downtime. */
@ApplicationScoped
public class DueCheckInSchedule {

    private final DueCheckIns dueCheckIns;

    DueCheckInSchedule(DueCheckIns dueCheckIns) {
        this.dueCheckIns = dueCheckIns;
    }

    @Scheduled(every = "${haven.wellness.due-check-ins.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void announceDueCheckIns() {
        dueCheckIns.announceDue();
    }
}
