package org.haven.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.messaging.IdempotentConsumer;
import org.haven.notification.domain.WellnessNotices;

/**
 * Reads wellness.events for due check-ins, exposure thresholds and requested conversations; an
 * unreadable record goes to wellness.events.dlq and the next one is read.
 */
@ApplicationScoped
public class WellnessConsumer {

    private final IdempotentConsumer consumer;
    private final WellnessNotices notices;

    WellnessConsumer(IdempotentConsumer consumer, WellnessNotices notices) {
        this.consumer = consumer;
        this.notices = notices;
    }

    @Incoming("wellness")
    @Blocking
    public void onWellnessEvent(ConsumerRecord<String, String> record) {
        EventEnvelope event = consumer.read(record);
        String id = event.id();
        if (event.is(HavenEvents.CHECK_IN_DUE)) {
            consumer.apply(IncidentConsumer.CONSUMER, event, HavenEvents.CHECK_IN_DUE, data -> notices.onCheckInDue(id, data));
        } else if (event.is(HavenEvents.EXPOSURE_THRESHOLD_REACHED)) {
            consumer.apply(IncidentConsumer.CONSUMER, event, HavenEvents.EXPOSURE_THRESHOLD_REACHED,
                    data -> notices.onExposureThresholdReached(id, data));
        } else if (event.is(HavenEvents.CONVERSATION_REQUESTED)) {
            consumer.apply(IncidentConsumer.CONSUMER, event, HavenEvents.CONVERSATION_REQUESTED, data -> notices.onConversationRequested(id, data));
        }
    }
}
