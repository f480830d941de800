package org.haven.debrief;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.debrief.DebriefsApi.PATIENCE;
import static org.haven.debrief.DebriefsApi.awaitDebriefOf;
import static org.haven.debrief.DebriefsApi.debriefCount;
import static org.haven.debrief.IncidentFeed.envelope;
import static org.haven.debrief.IncidentFeed.reported;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class PoisonIncidentEventTest {

    static final String DEAD_LETTERS = HavenEvents.deadLetterTopic(HavenEvents.INCIDENT_TOPIC);
    static final Instant REPORTED_AT = Instant.parse("2026-11-19T08:00:00Z");

    @Test
    void malformedPayloadGoesToDeadLetterTopicAndConsumingGoesOn() {
        String marker = "poison-" + UUID.randomUUID();
        String malformed = "{\"id\":\"" + marker + "\",\"type\":";
        IncidentReported next = reported("ELOPEMENT", true, "site-" + UUID.randomUUID(), REPORTED_AT);
        ConsumerTask<String, String> deadLetters = IncidentFeed.recordsOn(DEAD_LETTERS, marker);

        IncidentFeed.send(next.incidentId().toString(), malformed, EventCodec.encode(envelope(next)));

        ConsumerRecord<String, String> dead = deadLetters.awaitRecords(1, PATIENCE).getFirstRecord();
        deadLetters.stop();
        assertThat(dead.value()).isEqualTo(malformed);
        assertThat(reason(dead)).contains("malformed JSON");
        awaitDebriefOf(next);
    }

    @Test
    void unknownDataVersionGoesToDeadLetterTopicAndConsumingGoesOn() {
        IncidentReported fromTheFuture = reported("ELOPEMENT", true, "site-" + UUID.randomUUID(), REPORTED_AT);
        EventEnvelope v1 = envelope(fromTheFuture);
        EventEnvelope v99 = new EventEnvelope(v1.specversion(), v1.id(), v1.type(), 99, v1.source(), v1.subject(), v1.time(),
                v1.datacontenttype(), v1.data());
        IncidentReported next = reported("ELOPEMENT", true, fromTheFuture.siteId(), REPORTED_AT);
        ConsumerTask<String, String> deadLetters = IncidentFeed.recordsOn(DEAD_LETTERS, v1.id());

        IncidentFeed.send(fromTheFuture.incidentId().toString(), EventCodec.encode(v99), EventCodec.encode(envelope(next)));

        ConsumerRecord<String, String> dead = deadLetters.awaitRecords(1, PATIENCE).getFirstRecord();
        deadLetters.stop();
        assertThat(dead.key()).isEqualTo(fromTheFuture.incidentId().toString());
        assertThat(reason(dead)).contains("unsupported dataversion 99");
        awaitDebriefOf(next);
        assertThat(debriefCount(fromTheFuture)).isZero();
    }

    @Test
    void incidentReportedFromAnotherSourceThanIncidentServiceGoesToDeadLetterTopicAndSchedulesNothing() {
        IncidentReported forged = reported("ELOPEMENT", true, "site-" + UUID.randomUUID(), REPORTED_AT);
        EventEnvelope genuine = envelope(forged);
        EventEnvelope fromWellness = new EventEnvelope(genuine.specversion(), genuine.id(), genuine.type(), genuine.dataversion(),
                HavenEvents.ownerOf(HavenEvents.WELLNESS_TOPIC), genuine.subject(), genuine.time(), genuine.datacontenttype(), genuine.data());
        IncidentReported next = reported("ELOPEMENT", true, forged.siteId(), REPORTED_AT);
        ConsumerTask<String, String> deadLetters = IncidentFeed.recordsOn(DEAD_LETTERS, genuine.id());

        IncidentFeed.send(forged.incidentId().toString(), EventCodec.encode(fromWellness), EventCodec.encode(envelope(next)));

        ConsumerRecord<String, String> dead = deadLetters.awaitRecords(1, PATIENCE).getFirstRecord();
        deadLetters.stop();
        assertThat(reason(dead)).contains("source '/wellness-service'", "not the topic's owner /incident-service");
        awaitDebriefOf(next);
        assertThat(debriefCount(forged)).isZero();
    }

    private static String reason(ConsumerRecord<String, String> deadLetter) {
        Header reason = deadLetter.headers().lastHeader("dead-letter-reason");
        assertThat(reason).as("dead-letter-reason header").isNotNull();
        return new String(reason.value(), StandardCharsets.UTF_8);
    }
}
