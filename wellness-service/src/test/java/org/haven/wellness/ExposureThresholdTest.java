package org.haven.wellness;

import org.haven.testing.AdjustableClock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.ExposureThresholdReached;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.haven.wellness.ReportedIncidents.critical;
import static org.haven.wellness.ReportedIncidents.envelope;
import static org.haven.wellness.ReportedIncidents.unique;

/** Policy in tests as by default: 3 critical incidents in 30 days, 5 in 90 days. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class ExposureThresholdTest {

    static final Instant T1 = Instant.parse("2025-02-01T12:00:00Z");

    @Inject
    AdjustableClock clock;
    @Inject
    EntityManager entityManager;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void thresholdFiresOncePerCrossingNotOnEveryLaterIncident() {
        clock.pin(T1);
        String site = unique("site");
        String gil = unique("gil");
        String key = unique("key");
        ConsumerTask<String, String> notices = HavenInfrastructure.kafka().consumeStrings()
                .fromTopics(HavenEvents.WELLNESS_TOPIC, records -> records.filter(r -> r.value().contains(gil)
                        && r.value().contains(HavenEvents.EXPOSURE_THRESHOLD_REACHED.name())));

        // Four incidents within 30 days: the third crosses 3-in-30, the fourth is in the same window.
        exposeTo(key, site, gil, T1, 20, 10, 5, 1);
        assertThat(notices(gil)).extracting(ExposureThresholdReached::windowDays, ExposureThresholdReached::incidentCount,
                ExposureThresholdReached::threshold).containsExactly(tuple(30, 3, 3));

        // The fifth in 90 days crosses 5-in-90, and is again no new 30-day crossing.
        exposeTo(key, site, gil, T1, 0);
        assertThat(notices(gil)).extracting(ExposureThresholdReached::windowDays, ExposureThresholdReached::incidentCount)
                .containsExactly(tuple(30, 3), tuple(90, 5));

        // Forty days on, the earlier incidents have left the 30-day window; three new ones cross it again.
        Instant t2 = T1.plus(Duration.ofDays(40));
        clock.pin(t2);
        exposeTo(key, site, gil, t2, 3, 2, 1);
        assertThat(notices(gil)).extracting(ExposureThresholdReached::windowDays, ExposureThresholdReached::incidentCount)
                .containsExactly(tuple(30, 3), tuple(90, 5), tuple(30, 3));
        assertThat(notices(gil)).allSatisfy(notice -> assertThat(notice.siteId()).isEqualTo(site));

        List<EventEnvelope> published = notices.awaitRecords(3, Duration.ofSeconds(20)).getRecords().stream()
                .map(r -> EventCodec.decode(r.value())).toList();
        notices.stop();
        assertThat(published).allSatisfy(event -> {
            assertThat(event.subject()).isEqualTo(gil);
            assertThat(event.data().properties()).extracting(Map.Entry::getKey).as("a count, never a score or an answer")
                    .containsExactlyInAnyOrder("staffId", "siteId", "windowDays", "incidentCount", "threshold", "reachedAt");
        });
    }

    @Test
    void thePersonThemselfSeesTheirOwnDose() {
        clock.pin(T1);
        String site = unique("site");
        String hana = unique("hana");
        exposeTo(unique("key"), site, hana, T1, 2, 40);
        io.restassured.RestAssured.given().auth().oauth2(DirectoryTokens.staff(hana, site))
                .when().get("/api/staff/" + hana + "/exposure").then().statusCode(200)
                .body("last30Days", org.hamcrest.Matchers.equalTo(1)).body("last90Days", org.hamcrest.Matchers.equalTo(2));
    }

    /** Sends one critical incident reported by {@code staffId} per {@code daysBefore}, in order, and waits for the last. */
    private static void exposeTo(String key, String site, String staffId, Instant asOf, long... daysBefore) {
        IncidentReported last = null;
        for (long days : daysBefore) {
            last = critical(site, asOf.minus(Duration.ofDays(days)).minus(Duration.ofHours(1)), staffId, List.of(), List.of());
            ReportedIncidents.send(key, EventCodec.encode(envelope(last)));
        }
        ReportedIncidents.awaitFollowUps(last, 3);
    }

    /** Every threshold notice written for the person, in order, from the outbox. */
    private List<ExposureThresholdReached> notices(String staffId) {
        @SuppressWarnings("unchecked")
        List<String> payloads = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT payload FROM haven_outbox WHERE event_type = ?1 AND message_key = ?2 ORDER BY id")
                .setParameter(1, HavenEvents.EXPOSURE_THRESHOLD_REACHED.name()).setParameter(2, staffId).getResultList());
        return payloads.stream().map(p -> EventCodec.data(EventCodec.decode(p), HavenEvents.EXPOSURE_THRESHOLD_REACHED)).toList();
    }
}
