package org.haven.wellness.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.events.CheckInDue;
import org.haven.events.ConversationRequested;
import org.haven.events.ExposureThresholdReached;
import org.haven.events.FollowUpOpened;
import org.haven.events.HavenEvents;
import org.haven.messaging.Outbox;
import org.haven.wellness.domain.ConversationRequest;
import org.haven.wellness.domain.FollowUp;

import java.time.Instant;

/**
 * Announces wellness facts on wellness.events. Only that a check-in is owed or due, that a count passed a
 * threshold, or that someone asked to talk ever leaves this service — never an answer or a score.
 */
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

    public void due(FollowUp followUp, Instant now) {
        CheckInDue data = new CheckInDue(followUp.id, followUp.staffId, followUp.siteId, followUp.kind.name(), followUp.dueAt);
        outbox.publish(HavenEvents.CHECK_IN_DUE, source, followUp.id.toString(), now, data);
    }

    public void thresholdReached(ExposureThresholdReached data) {
        outbox.publish(HavenEvents.EXPOSURE_THRESHOLD_REACHED, source, data.staffId(), data.reachedAt(), data);
    }

    public void conversationRequested(ConversationRequest request) {
        ConversationRequested data = new ConversationRequested(request.id, request.staffId, request.siteId, request.requestedAt);
        outbox.publish(HavenEvents.CONVERSATION_REQUESTED, source, request.staffId, request.requestedAt, data);
    }
}
