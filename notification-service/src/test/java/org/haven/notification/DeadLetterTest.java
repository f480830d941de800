package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.haven.events.EventCodec;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.notification.domain.Directory;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class DeadLetterTest {

    private static final String DLQ = HavenEvents.deadLetterTopic(HavenEvents.INCIDENT_TOPIC);

    @Inject
    Directory directory;

    @Test
    void malformedEventGoesToDeadLetterTopicAndTheNextIncidentIsStillAlerted() {
        TestSite site = TestSite.withSupervisors(directory, 1);
        String marker = UUID.randomUUID().toString();
        String malformed = "{\"id\": \"" + marker + "\", \"type\": this is not JSON";
        ConsumerTask<String, String> deadLetters = deadLettersContaining(marker);
        IncidentReported next = IncidentFeed.elopement(site.id());

        IncidentFeed.publishRaw(marker, malformed);
        IncidentFeed.publish(IncidentFeed.announce(next));

        ConsumerRecord<String, String> dead = deadLetters.awaitRecords(1, Duration.ofSeconds(30)).getFirstRecord();
        deadLetters.stop();
        assertThat(dead.value()).isEqualTo(malformed);
        assertThat(header(dead, "dead-letter-reason")).contains("malformed JSON");
        await().atMost(Duration.ofSeconds(30)).until(() -> AlertsApi.ofIncident(next).size() == 1);
    }

    @Test
    void eventOfUnsupportedDataVersionGoesToDeadLetterTopicUnapplied() {
        TestSite site = TestSite.withSupervisors(directory, 1);
        IncidentReported future = IncidentFeed.elopement(site.id());
        String payload = EventCodec.encode(IncidentFeed.announce(future)).replace("\"dataversion\":2", "\"dataversion\":99");
        ConsumerTask<String, String> deadLetters = deadLettersContaining(future.incidentId().toString());
        IncidentReported next = IncidentFeed.elopement(site.id());

        IncidentFeed.publishRaw(future.incidentId().toString(), payload);
        IncidentFeed.publish(IncidentFeed.announce(next));

        ConsumerRecord<String, String> dead = deadLetters.awaitRecords(1, Duration.ofSeconds(30)).getFirstRecord();
        deadLetters.stop();
        assertThat(header(dead, "dead-letter-reason")).contains("unsupported dataversion 99");
        await().atMost(Duration.ofSeconds(30)).until(() -> AlertsApi.ofIncident(next).size() == 1);
        assertThat(AlertsApi.ofIncident(future)).isEmpty();
    }

    private static ConsumerTask<String, String> deadLettersContaining(String marker) {
        return HavenInfrastructure.kafka().consumeStrings()
                .fromTopics(DLQ, records -> records.filter(r -> r.value() != null && r.value().contains(marker)));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
