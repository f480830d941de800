package org.haven.wellness;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.haven.events.ConversationRequested;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.haven.wellness.ReportedIncidents.awaitFollowUps;
import static org.haven.wellness.ReportedIncidents.critical;
import static org.haven.wellness.ReportedIncidents.minutesAgo;
import static org.haven.wellness.ReportedIncidents.send;
import static org.haven.wellness.ReportedIncidents.unique;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class WellnessEventsPrivacyTest {

    /** Words any answer or score would bring with it. */
    static final List<String> PRIVATE_WORDS = List.of("answer", "score", "sleep", "intrusive", "strain", "band", "support-wanted",
            "wellbeing", "mean");

    @Inject
    EntityManager entityManager;

    @Test
    void noAnswerOrScoreReachesKafkaOnlyTheRequestToTalk() {
        String site = unique("site");
        String ana = unique("ana");
        String ben = unique("ben");
        ConsumerTask<String, String> wellnessEvents = HavenInfrastructure.kafka().consumeStrings()
                .fromTopics(HavenEvents.WELLNESS_TOPIC, records -> records.filter(r -> r.value().contains(site)));
        IncidentReported incident = critical(site, minutesAgo(30), ana, List.of(ben), List.of());
        send(incident);
        awaitFollowUps(incident, 6);

        CheckIns.checkIn72h(incident, ana, 4, 4, true);
        CheckIns.checkIn72h(incident, ben, 0, 1, false);
        given().auth().oauth2(DirectoryTokens.staff(ben, site)).contentType("application/json").body("{\"siteId\":\"" + site + "\"}")
                .when().post("/api/conversations").then().statusCode(201);

        // 6 FollowUpOpened, then Ana's request with her check-in and Ben's on its own.
        await().atMost(Duration.ofSeconds(20)).until(() -> wellnessEvents.count() >= 8);
        List<ConsumerRecord<String, String>> records = wellnessEvents.getRecords();
        wellnessEvents.stop();

        assertThat(records).allSatisfy(record -> assertThat(record.value().toLowerCase()).doesNotContain(PRIVATE_WORDS));
        List<EventEnvelope> events = records.stream().map(r -> EventCodec.decode(r.value())).toList();
        assertThat(events).extracting(EventEnvelope::type)
                .containsOnly(HavenEvents.FOLLOW_UP_OPENED.name(), HavenEvents.CONVERSATION_REQUESTED.name());
        List<EventEnvelope> requests = events.stream().filter(e -> e.is(HavenEvents.CONVERSATION_REQUESTED)).toList();
        assertThat(requests).extracting(e -> EventCodec.data(e, HavenEvents.CONVERSATION_REQUESTED))
                .extracting(ConversationRequested::staffId, ConversationRequested::siteId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(ana, site), org.assertj.core.groups.Tuple.tuple(ben, site));
        assertThat(requests).allSatisfy(e -> assertThat(e.data().properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("requestId", "staffId", "siteId", "requestedAt"));
        assertThat(outboxRowsMentioning(site)).as("nothing else is waiting to be published").isEqualTo(8);
    }

    @Test
    void noOneAsksForAConversationAtASiteTheyDoNotBelongTo() {
        given().auth().oauth2(DirectoryTokens.staff("staff-ana", "site-north")).contentType("application/json")
                .body("{\"siteId\":\"site-south\"}").when().post("/api/conversations")
                .then().statusCode(403).contentType("application/problem+json");
    }

    private long outboxRowsMentioning(String site) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM haven_outbox WHERE payload LIKE ?1")
                .setParameter(1, "%" + site + "%").getSingleResult()).longValue();
    }
}
