package org.haven.wellness;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.FollowUpOpened;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.haven.wellness.ReportedIncidents.awaitFollowUps;
import static org.haven.wellness.ReportedIncidents.supervisorOf;
import static org.haven.wellness.ReportedIncidents.critical;
import static org.haven.wellness.ReportedIncidents.minutesAgo;
import static org.haven.wellness.ReportedIncidents.nonCritical;
import static org.haven.wellness.ReportedIncidents.send;
import static org.haven.wellness.ReportedIncidents.unique;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class FollowUpOpeningTest {

    @Inject
    EntityManager entityManager;

    @Test
    void criticalIncidentOpensFollowUpsForEveryExposedStaffMember() {
        String site = unique("site");
        String ana = unique("ana");
        String ben = unique("ben");
        String cy = unique("cy");
        // Ana reports and was involved; Ben was involved and is also listed as a witness.
        IncidentReported incident = critical(site, minutesAgo(30), ana, List.of(ana, ben), List.of(cy, ben));
        send(incident);

        awaitFollowUps(incident, 9);

        String supervisor = supervisorOf(incident);
        List<Map<String, String>> items = given().auth().oauth2(supervisor).queryParam("incidentId", incident.incidentId().toString())
                .when().get("/api/followups")
                .then().statusCode(200).extract().jsonPath().getList("items");
        Instant reported = incident.reportedAt();
        assertThat(items)
                .extracting(i -> i.get("staffId"), i -> i.get("kind"), i -> Instant.parse(i.get("dueAt")))
                .containsExactlyInAnyOrder(
                        tuple(ana, "SUPERVISOR_CHECK_IN", reported.plus(Duration.ofHours(8))),
                        tuple(ana, "SELF_CHECK_IN_72H", reported.plus(Duration.ofHours(72))),
                        tuple(ana, "SELF_CHECK_IN_1_MONTH", reported.plus(Duration.ofDays(30))),
                        tuple(ben, "SUPERVISOR_CHECK_IN", reported.plus(Duration.ofHours(8))),
                        tuple(ben, "SELF_CHECK_IN_72H", reported.plus(Duration.ofHours(72))),
                        tuple(ben, "SELF_CHECK_IN_1_MONTH", reported.plus(Duration.ofDays(30))),
                        tuple(cy, "SUPERVISOR_CHECK_IN", reported.plus(Duration.ofHours(8))),
                        tuple(cy, "SELF_CHECK_IN_72H", reported.plus(Duration.ofHours(72))),
                        tuple(cy, "SELF_CHECK_IN_1_MONTH", reported.plus(Duration.ofDays(30))));
        assertThat(items).allSatisfy(item -> {
            assertThat(item.get("status")).isEqualTo("OPEN");
            assertThat(item.get("siteId")).isEqualTo(site);
        });

        String id = items.get(0).get("id");
        given().auth().oauth2(supervisor).when().get("/api/followups/" + id)
                .then().statusCode(200)
                .body("incidentId", equalTo(incident.incidentId().toString()))
                .body("staffId", equalTo(items.get(0).get("staffId")));
        given().auth().oauth2(supervisor).queryParam("staffId", ben).when().get("/api/followups")
                .then().statusCode(200).body("total", equalTo(3));
        given().auth().oauth2(supervisor).queryParam("site", site).when().get("/api/followups")
                .then().statusCode(200).body("total", equalTo(9));
    }

    @Test
    void nonCriticalIncidentOpensNothing() {
        String site = unique("site");
        String dee = unique("dee");
        IncidentReported ordinary = nonCritical(site, minutesAgo(30), dee, List.of(dee), List.of());
        IncidentReported later = critical(site, minutesAgo(10), unique("eli"), List.of(), List.of());
        send(ordinary);
        sendAfter(ordinary, later);

        awaitFollowUps(later, 3);

        given().auth().oauth2(supervisorOf(ordinary)).queryParam("incidentId", ordinary.incidentId().toString()).when().get("/api/followups")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(DirectoryTokens.staff(dee, site)).when().get("/api/staff/" + dee + "/exposure")
                .then().statusCode(200).body("last90Days", equalTo(0));
    }

    @Test
    void theSameIncidentEventThreeTimesOpensEachFollowUpOnce() {
        String site = unique("site");
        String fay = unique("fay");
        String gus = unique("gus");
        IncidentReported incident = critical(site, minutesAgo(30), fay, List.of(), List.of(gus));
        EventEnvelope event = ReportedIncidents.envelope(incident);
        String payload = EventCodec.encode(event);
        for (int i = 0; i < 3; i++) {
            ReportedIncidents.send(event.subject(), payload);
        }
        // The same incident announced again under a new event id passes the inbox and must change nothing.
        EventEnvelope reissued = send(incident);
        IncidentReported later = critical(site, minutesAgo(10), unique("hal"), List.of(), List.of());
        sendAfter(incident, later);

        awaitFollowUps(later, 3);

        given().auth().oauth2(supervisorOf(incident)).queryParam("incidentId", incident.incidentId().toString()).when().get("/api/followups")
                .then().statusCode(200).body("total", equalTo(6));
        assertThat(outboxEventsMentioning(incident.incidentId())).isEqualTo(6);
        assertThat(inboxHas(reissued.id())).as("the reissued event was applied, not dead-lettered").isTrue();
        given().auth().oauth2(DirectoryTokens.staff(gus, site)).when().get("/api/staff/" + gus + "/exposure")
                .then().statusCode(200).body("last30Days", equalTo(1));
    }

    @Test
    void aLateReportAnnouncedAgainWithOneMoreWitnessOpensFollowUpsForTheNewcomerOnly() {
        String site = unique("site");
        String ola = unique("ola");
        String pia = unique("pia");
        // Reported long after it happened: its exposure lies outside every rolling window.
        IncidentReported incident = critical(site, TestTime.now().minus(Duration.ofDays(120)), ola, List.of(), List.of());
        send(incident);
        awaitFollowUps(incident, 3);

        IncidentReported withWitness = new IncidentReported(incident.incidentId(), incident.siteId(), incident.incidentType(),
                incident.severity(), incident.critical(), incident.criticalityRule(), incident.occurredAt(),
                incident.reportedAt(), incident.reporterId(), incident.involvedStaffIds(), List.of(pia));
        EventEnvelope reissued = send(withWitness);

        awaitFollowUps(incident, 6);
        given().auth().oauth2(supervisorOf(incident)).queryParam("incidentId", incident.incidentId().toString())
                .queryParam("staffId", ola).when().get("/api/followups")
                .then().statusCode(200).body("total", equalTo(3));
        given().auth().oauth2(supervisorOf(incident)).queryParam("incidentId", incident.incidentId().toString())
                .queryParam("staffId", pia).when().get("/api/followups")
                .then().statusCode(200).body("total", equalTo(3));
        assertThat(inboxHas(reissued.id())).as("the reissued event was applied, not dead-lettered").isTrue();
        assertThat(outboxEventsMentioning(incident.incidentId())).isEqualTo(6);
        assertThat(exposuresTo(incident.incidentId())).isEqualTo(2);
    }

    @Test
    void eachOpenedFollowUpIsAnnouncedOnWellnessEventsKeyedByItsId() {
        String site = unique("site");
        ConsumerTask<String, String> announced = HavenInfrastructure.kafka().consumeStrings()
                .fromTopics(HavenEvents.WELLNESS_TOPIC, records -> records.filter(r -> r.value().contains(site)));
        IncidentReported incident = critical(site, minutesAgo(30), unique("ida"), List.of(), List.of());
        send(incident);

        List<ConsumerRecord<String, String>> records = announced.awaitRecords(3, Duration.ofSeconds(20)).getRecords();
        announced.stop();

        List<String> kinds = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope event = EventCodec.decode(record.value());
            FollowUpOpened data = EventCodec.data(event, HavenEvents.FOLLOW_UP_OPENED);
            assertThat(record.key()).isEqualTo(event.subject()).isEqualTo(data.followUpId().toString());
            assertThat(event.source()).isEqualTo("/wellness-service");
            assertThat(data.incidentId()).isEqualTo(incident.incidentId());
            assertThat(data.staffId()).isEqualTo(incident.reporterId());
            assertThat(event.data().properties()).extracting(Map.Entry::getKey)
                    .as("a follow-up event says that a check-in is owed, never what anyone answered")
                    .containsExactlyInAnyOrder("followUpId", "incidentId", "siteId", "staffId", "kind", "dueAt");
            assertThat(record.value()).doesNotContain("C-7F3K");
            given().auth().oauth2(supervisorOf(incident)).when().get("/api/followups/" + record.key()).then().statusCode(200).body("kind", equalTo(data.kind()));
            kinds.add(data.kind());
        }
        assertThat(kinds).containsExactlyInAnyOrder("SUPERVISOR_CHECK_IN", "SELF_CHECK_IN_72H", "SELF_CHECK_IN_1_MONTH");
    }

    @Test
    void unknownFollowUpIsNotFoundAsProblem() {
        given().auth().oauth2(DirectoryTokens.supervisor("sup-x", "site-x")).when().get("/api/followups/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void healthReportsKafkaAndDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    /** Sends {@code next} on {@code previous}'s partition, so that it is consumed after it. */
    static void sendAfter(IncidentReported previous, IncidentReported next) {
        ReportedIncidents.send(previous.incidentId().toString(), EventCodec.encode(ReportedIncidents.envelope(next)));
    }

    private boolean inboxHas(String eventId) {
        return ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM haven_inbox WHERE consumer = 'wellness-service' AND event_id = ?1")
                .setParameter(1, eventId)
                .getSingleResult()).longValue() == 1;
    }

    private long exposuresTo(UUID incidentId) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM exposure WHERE incident_id = ?1")
                .setParameter(1, incidentId)
                .getSingleResult()).longValue();
    }

    private long outboxEventsMentioning(UUID incidentId) {
        return ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM haven_outbox WHERE event_type = ?1 AND payload LIKE ?2")
                .setParameter(1, HavenEvents.FOLLOW_UP_OPENED.name())
                .setParameter(2, "%" + incidentId + "%")
                .getSingleResult()).longValue();
    }
}
