package org.haven.debrief.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.debrief.messaging.DebriefEvents;

import java.time.Clock;
import java.util.UUID;

/** Schedules the debrief of a critical incident and announces it, in one transaction. */
@ApplicationScoped
public class DebriefScheduling {

    private final DebriefPolicy policy;
    private final DebriefEvents events;
    private final Clock clock;

    DebriefScheduling(DebriefPolicy policy, DebriefEvents events, Clock clock) {
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The incident's debrief: scheduled now, or the one it already has. The unique incident id in the
     * database settles a race between two deliveries that both find none.
     */
    @Transactional
    public Debrief schedule(CriticalIncident incident) {
        return Debrief.forIncident(incident.incidentId()).orElseGet(() -> {
            Debrief debrief = new Debrief();
            debrief.id = UUID.randomUUID();
            debrief.incidentId = incident.incidentId();
            debrief.siteId = incident.siteId();
            debrief.incidentType = incident.incidentType();
            debrief.status = DebriefStatus.SCHEDULED;
            debrief.reportedAt = incident.reportedAt();
            debrief.createdAt = clock.instant();
            debrief.deadline = policy.deadline(incident.incidentType(), incident.reportedAt());
            debrief.participants.addAll(incident.participants());
            debrief.persist();
            events.scheduled(debrief);
            return debrief;
        });
    }
}
