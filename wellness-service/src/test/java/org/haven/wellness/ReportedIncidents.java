package org.haven.wellness;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTime;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Puts {@code IncidentReported} events on incident.events as incident-service does. Events sent with the
 * same key land on the same partition and are consumed in order, so a later event whose effect is
 * visible proves that every earlier one with that key has been handled.
 */
final class ReportedIncidents {

    private ReportedIncidents() {
    }

    static IncidentReported critical(String site, Instant occurredAt, String reporterId, List<String> involved, List<String> witnesses) {
        return incident(site, true, occurredAt, reporterId, involved, witnesses);
    }

    static IncidentReported nonCritical(String site, Instant occurredAt, String reporterId, List<String> involved, List<String> witnesses) {
        return incident(site, false, occurredAt, reporterId, involved, witnesses);
    }

    private static IncidentReported incident(String site, boolean critical, Instant occurredAt, String reporterId,
                                             List<String> involved, List<String> witnesses) {
        Instant reportedAt = occurredAt.plus(20, ChronoUnit.MINUTES);
        return new IncidentReported(UUID.randomUUID(), site, critical ? "ELOPEMENT" : "PROPERTY_DAMAGE",
                critical ? "HIGH" : "LOW", critical, critical ? "type ELOPEMENT is always critical" : "not critical",
                occurredAt, reportedAt, reporterId, involved, witnesses);
    }

    static EventEnvelope envelope(IncidentReported incident) {
        return EventEnvelope.create(HavenEvents.INCIDENT_REPORTED, HavenEvents.ownerOf(HavenEvents.INCIDENT_TOPIC), incident.incidentId().toString(),
                incident.reportedAt(), incident);
    }

    /** Sends the event keyed by its incident, as incident-service's outbox does. */
    static EventEnvelope send(IncidentReported incident) {
        EventEnvelope event = envelope(incident);
        send(event.subject(), EventCodec.encode(event));
        return event;
    }

    static void send(String key, String payload) {
        HavenInfrastructure.kafka().produceStrings()
                .fromRecords(new ProducerRecord<>(HavenEvents.INCIDENT_TOPIC, key, payload))
                .awaitCompletion();
    }

    /** Waits until wellness-service has opened {@code count} follow-ups for the incident (as its site's supervisor sees them). */
    static void awaitFollowUps(IncidentReported incident, int count) {
        String supervisor = DirectoryTokens.supervisor("sup-" + incident.siteId(), incident.siteId());
        await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(supervisor).queryParam("incidentId", incident.incidentId().toString())
                        .when().get("/api/followups")
                        .then().statusCode(200).body("total", equalTo(count)));
    }

    /** A token of the incident's site supervisor. */
    static String supervisorOf(IncidentReported incident) {
        return DirectoryTokens.supervisor("sup-" + incident.siteId(), incident.siteId());
    }

    static Instant minutesAgo(long minutes) {
        return TestTime.now().truncatedTo(ChronoUnit.MILLIS).minus(minutes, ChronoUnit.MINUTES);
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID();
    }
}
