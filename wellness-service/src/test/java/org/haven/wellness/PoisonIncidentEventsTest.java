package org.haven.wellness;

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
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.haven.wellness.ReportedIncidents.awaitFollowUps;
import static org.haven.wellness.ReportedIncidents.critical;
import static org.haven.wellness.ReportedIncidents.envelope;
import static org.haven.wellness.ReportedIncidents.minutesAgo;
import static org.haven.wellness.ReportedIncidents.unique;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class PoisonIncidentEventsTest {

    static final String DEAD_LETTERS = HavenEvents.deadLetterTopic(HavenEvents.INCIDENT_TOPIC);

    @Test
    void malformedPayloadGoesToTheDeadLetterTopicAndConsumingGoesOn() {
        String marker = unique("malformed");
        String key = unique("key");
        ConsumerTask<String, String> deadLetters = deadLettersContaining(marker);

        ReportedIncidents.send(key, "{\"id\":\"" + marker + "\",\"type\":");
        IncidentReported next = critical(unique("site"), minutesAgo(5), unique("max"), List.of(), List.of());
        ReportedIncidents.send(key, EventCodec.encode(envelope(next)));

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecords(1, Duration.ofSeconds(20)).getFirstRecord();
        deadLetters.stop();
        assertThat(reason(deadLetter)).contains("malformed JSON");
        awaitFollowUps(next, 3);
    }

    @Test
    void unknownDataVersionGoesToTheDeadLetterTopicAndOpensNothing() {
        String key = unique("key");
        IncidentReported future = critical(unique("site"), minutesAgo(5), unique("ned"), List.of(), List.of());
        ConsumerTask<String, String> deadLetters = deadLettersContaining(future.incidentId().toString());
        EventEnvelope current = envelope(future);
        EventEnvelope version3 = new EventEnvelope(current.specversion(), current.id(), current.type(), 3, current.source(),
                current.subject(), current.time(), current.datacontenttype(), current.data());

        ReportedIncidents.send(key, EventCodec.encode(version3));
        IncidentReported next = critical(unique("site"), minutesAgo(5), unique("ola"), List.of(), List.of());
        ReportedIncidents.send(key, EventCodec.encode(envelope(next)));

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecords(1, Duration.ofSeconds(20)).getFirstRecord();
        deadLetters.stop();
        assertThat(reason(deadLetter)).contains("unsupported dataversion 3");
        awaitFollowUps(next, 3);
        given().auth().oauth2(ReportedIncidents.supervisorOf(future)).queryParam("incidentId", future.incidentId().toString()).when().get("/api/followups")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void incidentReportedFromAnotherSourceThanIncidentServiceGoesToTheDeadLetterTopicAndOpensNothing() {
        String key = unique("key");
        IncidentReported forged = critical(unique("site"), minutesAgo(5), unique("pia"), List.of(), List.of());
        ConsumerTask<String, String> deadLetters = deadLettersContaining(forged.incidentId().toString());
        EventEnvelope genuine = envelope(forged);
        EventEnvelope fromDebrief = new EventEnvelope(genuine.specversion(), genuine.id(), genuine.type(), genuine.dataversion(),
                HavenEvents.ownerOf(HavenEvents.DEBRIEF_TOPIC), genuine.subject(), genuine.time(), genuine.datacontenttype(), genuine.data());

        ReportedIncidents.send(key, EventCodec.encode(fromDebrief));
        IncidentReported next = critical(unique("site"), minutesAgo(5), unique("quin"), List.of(), List.of());
        ReportedIncidents.send(key, EventCodec.encode(envelope(next)));

        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecords(1, Duration.ofSeconds(20)).getFirstRecord();
        deadLetters.stop();
        assertThat(reason(deadLetter)).contains("source '/debrief-service'", "not the topic's owner /incident-service");
        awaitFollowUps(next, 3);
        given().auth().oauth2(ReportedIncidents.supervisorOf(forged)).queryParam("incidentId", forged.incidentId().toString()).when().get("/api/followups")
                .then().statusCode(200).body("total", equalTo(0));
    }

    private static ConsumerTask<String, String> deadLettersContaining(String text) {
        return HavenInfrastructure.kafka().consumeStrings()
                .fromTopics(DEAD_LETTERS, records -> records.filter(r -> r.value() != null && r.value().contains(text)));
    }

    private static String reason(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("dead-letter-reason");
        assertThat(header).as("the dead letter says why").isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
