package org.haven.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.messaging.IdempotentConsumer;
import org.haven.notification.domain.DebriefNotices;

/**
 * Reads debrief.events for invites, overdue debriefs and action reminders. Other debrief events are
 * read and left alone; an unreadable record goes to debrief.events.dlq and the next one is read.
 */
@ApplicationScoped
public class DebriefConsumer {

    private final IdempotentConsumer consumer;
    private final DebriefNotices notices;

    DebriefConsumer(IdempotentConsumer consumer, DebriefNotices notices) {
        this.consumer = consumer;
        this.notices = notices;
    }

    @Incoming("debriefs")
    @Blocking
    public void onDebriefEvent(ConsumerRecord<String, String> record) {
        EventEnvelope event = consumer.read(record);
        String id = event.id();
        if (event.is(HavenEvents.DEBRIEF_SCHEDULED)) {
            consumer.apply(IncidentConsumer.CONSUMER, event, HavenEvents.DEBRIEF_SCHEDULED, data -> notices.onScheduled(id, data));
        } else if (event.is(HavenEvents.DEBRIEF_RESCHEDULED)) {
            consumer.apply(IncidentConsumer.CONSUMER, event, HavenEvents.DEBRIEF_RESCHEDULED, data -> notices.onRescheduled(id, data));
        } else if (event.is(HavenEvents.DEBRIEF_CANCELLED)) {
            consumer.apply(IncidentConsumer.CONSUMER, event, HavenEvents.DEBRIEF_CANCELLED, data -> notices.onCancelled(id, data));
        } else if (event.is(HavenEvents.DEBRIEF_OVERDUE)) {
            consumer.apply(IncidentConsumer.CONSUMER, event, HavenEvents.DEBRIEF_OVERDUE, data -> notices.onOverdue(id, data));
        } else if (event.is(HavenEvents.DEBRIEF_ACTION_DUE)) {
            consumer.apply(IncidentConsumer.CONSUMER, event, HavenEvents.DEBRIEF_ACTION_DUE, data -> notices.onActionDue(id, data));
        }
    }
}
