package org.haven.wellness.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.messaging.IdempotentConsumer;
import org.haven.wellness.domain.FollowUpOpening;

/**
 * Opens follow-ups for critical incidents, and for the people an amendment adds to one; other incident events are not
 * this service's business.
 */
@ApplicationScoped
public class IncidentEventsConsumer {

    static final String CONSUMER = "wellness-service";

    private final IdempotentConsumer consumer;
    private final FollowUpOpening opening;

    IncidentEventsConsumer(IdempotentConsumer consumer, FollowUpOpening opening) {
        this.consumer = consumer;
        this.opening = opening;
    }

    @Incoming("incidents")
    @Blocking
    public void onIncidentEvent(ConsumerRecord<String, String> record) {
        EventEnvelope event = consumer.read(record);
        if (event.is(HavenEvents.INCIDENT_REPORTED)) {
            consumer.applyWhen(CONSUMER, event, HavenEvents.INCIDENT_REPORTED, IncidentReported::critical, opening::openFor);
        } else if (event.is(HavenEvents.INCIDENT_AMENDED)) {
            consumer.applyWhen(CONSUMER, event, HavenEvents.INCIDENT_AMENDED,
                    amended -> !amended.addedInvolvedStaffIds().isEmpty() || !amended.addedWitnessIds().isEmpty(),
                    opening::openForAdded);
        }
    }
}
