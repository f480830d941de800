package org.haven.debrief.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.haven.debrief.domain.AddedPeople;
import org.haven.debrief.domain.CriticalIncident;
import org.haven.debrief.domain.DebriefScheduling;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentAmended;
import org.haven.events.IncidentReported;
import org.haven.messaging.IdempotentConsumer;

/**
 * Schedules a debrief for every critical incident reported, and invites the people an amendment adds to one; other
 * incidents and event types need none.
 */
@ApplicationScoped
public class IncidentEventsConsumer {

    static final String CONSUMER = "debrief-service";

    private final IdempotentConsumer consumer;
    private final DebriefScheduling scheduling;

    IncidentEventsConsumer(IdempotentConsumer consumer, DebriefScheduling scheduling) {
        this.consumer = consumer;
        this.scheduling = scheduling;
    }

    @Incoming("incidents")
    @Blocking
    public void onIncidentEvent(ConsumerRecord<String, String> record) {
        EventEnvelope event = consumer.read(record);
        if (event.is(HavenEvents.INCIDENT_REPORTED)) {
            consumer.applyWhen(CONSUMER, event, HavenEvents.INCIDENT_REPORTED, IncidentReported::critical, this::scheduleDebriefIfCritical);
        } else if (event.is(HavenEvents.INCIDENT_AMENDED)) {
            consumer.applyWhen(CONSUMER, event, HavenEvents.INCIDENT_AMENDED,
                    amended -> !amended.addedInvolvedStaffIds().isEmpty() || !amended.addedWitnessIds().isEmpty(), this::invite);
        }
    }

    private void invite(IncidentAmended amended) {
        scheduling.invite(new AddedPeople(amended.incidentId(), amended.addedInvolvedStaffIds(), amended.addedWitnessIds()));
    }

    private void scheduleDebriefIfCritical(IncidentReported incident) {
        if (incident.critical()) {
            scheduling.schedule(new CriticalIncident(incident.incidentId(), incident.siteId(), incident.incidentType(),
                    incident.reportedAt(), incident.reporterId(), incident.involvedStaffIds(), incident.witnessIds()));
        }
    }
}
