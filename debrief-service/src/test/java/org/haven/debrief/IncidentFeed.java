package org.haven.debrief;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Puts incident events on the real broker as incident-service would, and reads what debrief-service publishes. */
final class IncidentFeed {

    static final String INCIDENT_SERVICE = HavenEvents.ownerOf(HavenEvents.INCIDENT_TOPIC);

    private IncidentFeed() {
    }

    static IncidentReported reported(String type, boolean critical, String site, Instant reportedAt) {
        return reported(type, critical, site, reportedAt, "staff-ana", List.of("staff-ana", "staff-ben"), List.of("staff-cy", "staff-ben"));
    }

    static IncidentReported reported(String type, boolean critical, String site, Instant reportedAt, String reporter,
                                     List<String> involved, List<String> witnesses) {
        return new IncidentReported(UUID.randomUUID(), site, type, critical ? "HIGH" : "LOW", critical,
                critical ? "type " + type + " is always critical" : "type " + type + " at severity LOW is not critical",
                reportedAt.minus(Duration.ofMinutes(10)), reportedAt, reporter, involved, witnesses);
    }

    static EventEnvelope envelope(IncidentReported incident) {
        return EventEnvelope.create(HavenEvents.INCIDENT_REPORTED, INCIDENT_SERVICE, incident.incidentId().toString(),
                incident.reportedAt(), incident);
    }

    /** Sends an incident's event keyed by the incident, as incident-service's outbox does. */
    static EventEnvelope send(IncidentReported incident) {
        EventEnvelope event = envelope(incident);
        send(incident.incidentId().toString(), EventCodec.encode(event));
        return event;
    }

    /**
     * Sends raw payloads under one key, each acknowledged before the next: they share a partition, so
     * the consumer sees them in this order.
     */
    static void send(String key, String... payloads) {
        for (String payload : payloads) {
            HavenInfrastructure.kafka().produceStrings()
                    .fromRecords(new ProducerRecord<>(HavenEvents.INCIDENT_TOPIC, key, payload))
                    .awaitCompletion(Duration.ofSeconds(15));
        }
    }

    static ConsumerTask<String, String> recordsOn(String topic, String containing) {
        return HavenInfrastructure.kafka().consumeStrings()
                .fromTopics(topic, records -> records.filter(r -> r.value() != null && r.value().contains(containing)));
    }
}
