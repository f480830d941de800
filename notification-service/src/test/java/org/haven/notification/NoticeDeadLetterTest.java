package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.haven.events.CheckInDue;
import org.haven.events.DebriefOverdue;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.notification.domain.Directory;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Poison records on the topics read for notices go to their dead-letter topics; the next record is still read. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class NoticeDeadLetterTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Directory directory;

    /** An event on {@code topic} that notifies someone of {@code team}, and who that is. */
    private record Probe(EventEnvelope event, Team.Member recipient) {

        static Probe on(String topic, Team team) {
            if (topic.equals(HavenEvents.DEBRIEF_TOPIC)) {
                UUID debriefId = UUID.randomUUID();
                DebriefOverdue data = new DebriefOverdue(debriefId, UUID.randomUUID(), team.siteId(), "ELOPEMENT", TestTime.now());
                return new Probe(EventFeed.event(HavenEvents.DEBRIEF_OVERDUE, debriefId.toString(), data), team.director());
            }
            Team.Member ana = team.staff().get(0);
            CheckInDue data = new CheckInDue(UUID.randomUUID(), ana.id(), team.siteId(), "SELF_CHECK_IN_72H", TestTime.now());
            return new Probe(EventFeed.event(HavenEvents.CHECK_IN_DUE, ana.id(), data), ana);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {HavenEvents.DEBRIEF_TOPIC, HavenEvents.WELLNESS_TOPIC})
    void malformedEventGoesToTheDeadLetterTopicAndTheNextNoticeIsStillSent(String topic) {
        String marker = UUID.randomUUID().toString();
        String malformed = "{\"id\": \"" + marker + "\", \"type\": this is not JSON";
        ConsumerTask<String, String> deadLetters = deadLettersContaining(topic, marker);
        Probe next = Probe.on(topic, Team.create(directory));

        EventFeed.publishRaw(topic, marker, malformed);
        EventFeed.publish(next.event());

        ConsumerRecord<String, String> dead = deadLetters.awaitRecords(1, WAIT).getFirstRecord();
        deadLetters.stop();
        assertThat(dead.value()).isEqualTo(malformed);
        assertThat(header(dead, "dead-letter-reason")).contains("malformed JSON");
        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(next.recipient().email())).hasSize(1));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {HavenEvents.DEBRIEF_TOPIC, HavenEvents.WELLNESS_TOPIC})
    void eventOfUnsupportedDataVersionGoesToTheDeadLetterTopicUnapplied(String topic) {
        Probe future = Probe.on(topic, Team.create(directory));
        String payload = EventCodec.encode(future.event()).replaceFirst("\"dataversion\":\\d+", "\"dataversion\":99");
        ConsumerTask<String, String> deadLetters = deadLettersContaining(topic, future.event().id());
        Probe next = Probe.on(topic, Team.create(directory));

        EventFeed.publishRaw(topic, future.event().subject(), payload);
        EventFeed.publish(next.event());

        ConsumerRecord<String, String> dead = deadLetters.awaitRecords(1, WAIT).getFirstRecord();
        deadLetters.stop();
        assertThat(header(dead, "dead-letter-reason")).contains("unsupported dataversion 99");
        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(next.recipient().email())).hasSize(1));
        assertThat(Mailbox.to(future.recipient().email())).isEmpty();
    }

    private static ConsumerTask<String, String> deadLettersContaining(String topic, String marker) {
        return HavenInfrastructure.kafka().consumeStrings()
                .fromTopics(HavenEvents.deadLetterTopic(topic), records -> records.filter(r -> r.value() != null && r.value().contains(marker)));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
