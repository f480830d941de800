package org.haven.debrief.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.debrief.domain.Debrief;
import org.haven.debrief.domain.Participant;
import org.haven.events.DebriefScheduled;
import org.haven.events.HavenEvents;
import org.haven.messaging.Outbox;

/** Turns debrief state changes into events, keyed by the debrief. */
@ApplicationScoped
public class DebriefEvents {

    private final Outbox outbox;
    private final String source;

    DebriefEvents(Outbox outbox, @ConfigProperty(name = "haven.source") String source) {
        this.outbox = outbox;
        this.source = source;
    }

    public void scheduled(Debrief debrief) {
        // No slot or facilitator yet: scheduling inside paid time comes with the roster (issue 6).
        DebriefScheduled data = new DebriefScheduled(debrief.id, debrief.incidentId, debrief.siteId, debrief.incidentType,
                debrief.deadline, null, null, null, debrief.participants.stream().map(Participant::staffId).toList(), List.of(),
                debrief.id + "@haven", 0);
        outbox.publish(HavenEvents.DEBRIEF_SCHEDULED, source, debrief.id.toString(), debrief.createdAt, data);
    }
}
