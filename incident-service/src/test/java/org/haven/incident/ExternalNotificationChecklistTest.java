package org.haven.incident;

import org.haven.testing.AdjustableClock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.haven.events.EventCodec;
import org.haven.events.ExternalNotificationOverdue;
import org.haven.events.HavenEvents;
import org.haven.incident.domain.OverdueNotificationScan;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class ExternalNotificationChecklistTest {

    /** A Friday, 10:00 in New York (the us-generic policy's zone). */
    private static final Instant FRIDAY_1500Z = Instant.parse("2026-11-20T15:00:00Z");

    @Inject
    AdjustableClock clock;
    @Inject
    OverdueNotificationScan scan;
    @Inject
    EntityManager entityManager;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    private static String elopement(String site, boolean minor) {
        return """
                {"siteId":"%s","type":"ELOPEMENT","severity":"HIGH","occurredAt":"2026-11-20T14:30:00Z","summary":"Not in room at check",
                 "lastSeen":{"at":"2026-11-20T14:25:00Z","place":"Lounge","clothing":"Grey tracksuit"},
                 "riskFlags":{"minor":%s,"highRiskOfTrafficking":false,"medicalNeeds":false}}""".formatted(site, minor);
    }

    private static String reportElopement(String site, boolean minor) {
        return IncidentReportingTest.asReporter(site).contentType("application/json").body(elopement(site, minor))
                .when().post("/api/incidents").then().statusCode(201).extract().path("id");
    }

    private static JsonPath checklist(String site, String id) {
        return IncidentReportingTest.asReporter(site).when().get("/api/incidents/" + id + "/checklist")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String itemId(JsonPath checklist, String ruleId) {
        return checklist.getString("find { it.ruleId == '" + ruleId + "' }.id");
    }

    private long overdueEventsFor(String incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM haven_outbox WHERE event_type = ?1 AND payload LIKE ?2")
                .setParameter(1, HavenEvents.EXTERNAL_NOTIFICATION_OVERDUE.name())
                .setParameter(2, "%" + incidentId + "%").getSingleResult()).longValue());
    }

    private void scanUntilNothingIsLeft() {
        while (scan.announceBatch() > 0) {
            // each batch claims what is still unannounced
        }
    }

    @Test
    void missingMinorGetsLawEnforcementNcmecGuardianAndLicensingDeadlines() {
        clock.pin(FRIDAY_1500Z);
        String site = "site-" + UUID.randomUUID();
        String id = reportElopement(site, true);

        JsonPath items = checklist(site, id);
        Map<String, String> dueByRule = Map.of(
                "law-enforcement", "2026-11-20T16:30:00Z",
                "ncmec", "2026-11-20T16:30:00Z",
                "guardian-or-placing-agency", "2026-11-21T14:30:00Z",
                "licensing-agency", "2026-11-23T22:00:00Z");
        assertThat(items.getList("ruleId", String.class)).containsExactlyInAnyOrderElementsOf(dueByRule.keySet());
        dueByRule.forEach((rule, due) ->
                assertThat(items.getString("find { it.ruleId == '" + rule + "' }.dueAt")).as(rule).isEqualTo(due));
        assertThat(items.getList("overdue", Boolean.class)).containsOnly(false);
        assertThat(items.getList("doneBy")).containsOnlyNulls();
    }

    @Test
    void anAdultsElopementHasNoNcmecItem() {
        clock.pin(FRIDAY_1500Z);
        String site = "site-" + UUID.randomUUID();
        String id = reportElopement(site, false);
        assertThat(checklist(site, id).getList("ruleId", String.class))
                .containsExactlyInAnyOrder("law-enforcement", "guardian-or-placing-agency", "licensing-agency");
    }

    @Test
    void licensingDeadlineSkipsTheWeekendAndNonCriticalTypesNeedNothing() {
        clock.pin(Instant.parse("2026-11-21T15:00:00Z")); // a Saturday
        String site = "site-" + UUID.randomUUID();
        String id = reportElopement(site, false);
        assertThat(checklist(site, id).getString("find { it.ruleId == 'licensing-agency' }.dueAt")).isEqualTo("2026-11-23T22:00:00Z");

        String damage = IncidentReportingTest.asReporter(site).contentType("application/json")
                .body(IncidentReportingTest.report("PROPERTY_DAMAGE", "LOW", site, clock.instant()))
                .when().post("/api/incidents").then().statusCode(201).extract().path("id");
        assertThat(checklist(site, damage).getList("$")).isEmpty();
    }

    @Test
    void markingDoneRecordsWhoAndWhenOnce() {
        clock.pin(FRIDAY_1500Z);
        String site = "site-" + UUID.randomUUID();
        String id = reportElopement(site, false);
        String police = itemId(checklist(site, id), "law-enforcement");

        clock.pin(Instant.parse("2026-11-20T15:05:00Z"));
        IncidentReportingTest.asReporter(site).when().post("/api/incidents/" + id + "/checklist/" + police + "/done")
                .then().statusCode(200).body("doneBy", equalTo("staff-ana")).body("doneAt", equalTo("2026-11-20T15:05:00Z"));
        clock.pin(Instant.parse("2026-11-20T15:45:00Z"));
        IncidentReportingTest.asReporter(site).when().post("/api/incidents/" + id + "/checklist/" + police + "/done")
                .then().statusCode(200).body("doneAt", equalTo("2026-11-20T15:05:00Z"));
        IncidentReportingTest.asReporter(site).when().post("/api/incidents/" + id + "/checklist/" + UUID.randomUUID() + "/done")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void eachOverdueItemIsAnnouncedOnceAndMissedOnesAreCaughtUpAfterDowntime() {
        clock.pin(FRIDAY_1500Z);
        String site = "site-" + UUID.randomUUID();
        String id = reportElopement(site, true);
        JsonPath items = checklist(site, id);
        String police = itemId(items, "law-enforcement");
        IncidentReportingTest.asReporter(site).when().post("/api/incidents/" + id + "/checklist/" + itemId(items, "ncmec") + "/done")
                .then().statusCode(200);
        ConsumerTask<String, String> events = HavenInfrastructure.kafka().consumeStrings()
                .fromTopics(HavenEvents.INCIDENT_TOPIC, records -> records.filter(r -> r.value().contains(police)));

        clock.pin(Instant.parse("2026-11-20T16:29:59Z"));
        scanUntilNothingIsLeft();
        assertThat(overdueEventsFor(id)).as("nothing is due yet").isZero();

        clock.pin(Instant.parse("2026-11-20T16:31:00Z"));
        scanUntilNothingIsLeft();
        scanUntilNothingIsLeft();
        assertThat(overdueEventsFor(id)).as("police item only: NCMEC was done").isEqualTo(1);
        ConsumerRecord<String, String> record = events.awaitRecords(1, Duration.ofSeconds(15)).getFirstRecord();
        events.stop();
        assertThat(record.key()).isEqualTo(id);
        ExternalNotificationOverdue data = EventCodec.data(EventCodec.decode(record.value()), HavenEvents.EXTERNAL_NOTIFICATION_OVERDUE);
        assertThat(data.itemId()).hasToString(police);
        assertThat(data.dueAt()).isEqualTo(Instant.parse("2026-11-20T16:30:00Z"));
        assertThat(data.incidentType()).isEqualTo("ELOPEMENT");
        assertThat(checklist(site, id).getBoolean("find { it.ruleId == 'law-enforcement' }.overdue")).isTrue();

        // the service was down all weekend: one scan announces both items that came due meanwhile, once each
        clock.pin(Instant.parse("2026-11-24T09:00:00Z"));
        scanUntilNothingIsLeft();
        scanUntilNothingIsLeft();
        assertThat(overdueEventsFor(id)).isEqualTo(3);
    }

    @Test
    void everySiteOfTheLocalRunHasAJurisdiction() {
        String site = "site-north";
        clock.pin(FRIDAY_1500Z);
        String id = reportElopement(site, false);
        assertThat(checklist(site, id).getList("jurisdiction", String.class)).containsOnly("us-generic");
    }
}
