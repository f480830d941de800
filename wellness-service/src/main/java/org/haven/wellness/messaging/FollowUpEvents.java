package org.haven.wellness.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.events.FollowUpOpened;
import org.haven.events.HavenEvents;
import org.haven.messaging.Outbox;
import org.haven.wellness.domain.FollowUp;

/** Announces follow-up state changes. Only that a check-in is owed ever leaves this service, never an answer. */
@ApplicationScoped
public class FollowUpEvents {

    private final Outbox outbox;
    private final String source;

    FollowUpEvents(Outbox outbox, @ConfigProperty(name = "haven.source") String source) {
        this.outbox = outbox;
        this.source = source;
    }

    public void opened(FollowUp followUp) {
        FollowUpOpened data = new FollowUpOpened(followUp.id, followUp.incidentId, followUp.siteId, followUp.staffId,
                followUp.kind.name(), followUp.dueAt);
        outbox.publish(HavenEvents.FOLLOW_UP_OPENED, source, followUp.id.toString(), followUp.createdAt, data);
    }
}
