package org.haven.notification;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTime;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Publishes incident events as incident-service does. Everything goes to one partition, so the
 * consumer reads it in the order given: once a later event's effect is visible, every earlier one
 * has been processed, and a test can assert that something did not happen without waiting blindly.
 */
final class IncidentFeed {

    private static final int PARTITION = 0;

    private IncidentFeed() {
    }

    static IncidentReported elopement(String siteId) {
        return elopementAt(siteId, TestTime.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS));
    }

    static IncidentReported elopementAt(String siteId, Instant occurredAt) {
        return new IncidentReported(UUID.randomUUID(), siteId, "ELOPEMENT", "HIGH", true, "type ELOPEMENT is always critical",
                occurredAt, TestTime.now(), "staff-ana-7", List.of("staff-ana-7", "staff-ben-4"), List.of("staff-cyd-2"));
    }

    static IncidentReported propertyDamage(String siteId) {
        return new IncidentReported(UUID.randomUUID(), siteId, "PROPERTY_DAMAGE", "LOW", false,
                "type PROPERTY_DAMAGE at severity LOW is not critical", TestTime.now().minus(5, ChronoUnit.MINUTES), TestTime.now(),
                "staff-ana-7", List.of(), List.of());
    }

    static EventEnvelope announce(IncidentReported incident) {
        return EventEnvelope.create(HavenEvents.INCIDENT_REPORTED, HavenEvents.ownerOf(HavenEvents.INCIDENT_TOPIC), incident.incidentId().toString(),
                incident.reportedAt(), incident);
    }

    static void publish(EventEnvelope... events) {
        send(Arrays.stream(events)
                .map(event -> new ProducerRecord<>(HavenEvents.INCIDENT_TOPIC, PARTITION, event.subject(), EventCodec.encode(event)))
                .toList());
    }

    static void publishRaw(String key, String payload) {
        send(List.of(new ProducerRecord<>(HavenEvents.INCIDENT_TOPIC, PARTITION, key, payload)));
    }

    private static void send(List<ProducerRecord<String, String>> records) {
        HavenInfrastructure.kafka().produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(15));
    }
}
