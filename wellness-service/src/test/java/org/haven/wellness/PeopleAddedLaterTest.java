package org.haven.wellness;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentAmended;
import org.haven.events.IncidentReported;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.haven.wellness.ReportedIncidents.awaitFollowUps;
import static org.haven.wellness.ReportedIncidents.critical;
import static org.haven.wellness.ReportedIncidents.nonCritical;
import static org.haven.wellness.ReportedIncidents.send;
import static org.haven.wellness.ReportedIncidents.supervisorOf;
import static org.haven.wellness.ReportedIncidents.unique;

/**
 * People an amendment adds to a critical incident (IncidentAmended, ids only) get their follow-ups, due with everyone
 * else's or now where that time has passed; the same amendment again, under any event id, opens nothing twice; an
 * amendment to a non-critical incident opens nothing.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class PeopleAddedLaterTest {

    private static final Instant OCCURRED = Instant.parse("2026-11-20T21:20:00Z");

    @Inject
    AdjustableClock clock;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void peopleAddedByAnAmendmentGetTheirFollowUpsOnceDueWithEveryoneElsesOrNow() {
        String site = unique("site");
        String ana = unique("ana");
        String ben = unique("ben");
        String cy = unique("cy");
        clock.pin(OCCURRED.plus(Duration.ofMinutes(21)));
        IncidentReported incident = critical(site, OCCURRED, ana, List.of(ana), List.of());
        send(incident);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().auth().oauth2(supervisorOf(incident))
                .queryParam("incidentId", incident.incidentId().toString()).when().get("/api/followups")
                .then().statusCode(200).body("total", equalTo(3)));

        Instant amendedAt = incident.reportedAt().plus(Duration.ofHours(10));   // the 8 h supervisor check-in has passed
        clock.pin(amendedAt);
        EventEnvelope amended = amendment(incident, List.of(ben, ana), List.of(cy), amendedAt);
        EventEnvelope sameAgain = amendment(incident, List.of(ben), List.of(cy), amendedAt);
        ReportedIncidents.send(incident.incidentId().toString(), EventCodec.encode(amended));
        ReportedIncidents.send(incident.incidentId().toString(), EventCodec.encode(amended));
        ReportedIncidents.send(incident.incidentId().toString(), EventCodec.encode(sameAgain));
        awaitFollowUps(incident, 9);

        List<Map<String, String>> items = given().auth().oauth2(supervisorOf(incident))
                .queryParam("incidentId", incident.incidentId().toString())
                .when().get("/api/followups").then().statusCode(200).extract().jsonPath().getList("items");
        Instant reported = incident.reportedAt();
        assertThat(items).filteredOn(i -> !i.get("staffId").equals(ana))
                .extracting(i -> i.get("staffId"), i -> i.get("kind"), i -> Instant.parse(i.get("dueAt")))
                .containsExactlyInAnyOrder(
                        tuple(ben, "SUPERVISOR_CHECK_IN", amendedAt),
                        tuple(ben, "SELF_CHECK_IN_72H", reported.plus(Duration.ofHours(72))),
                        tuple(ben, "SELF_CHECK_IN_1_MONTH", reported.plus(Duration.ofDays(30))),
                        tuple(cy, "SUPERVISOR_CHECK_IN", amendedAt),
                        tuple(cy, "SELF_CHECK_IN_72H", reported.plus(Duration.ofHours(72))),
                        tuple(cy, "SELF_CHECK_IN_1_MONTH", reported.plus(Duration.ofDays(30))));
    }

    @Test
    void anAmendmentOfANonCriticalIncidentOpensNothing() {
        String site = unique("site");
        String ana = unique("ana");
        String ben = unique("ben");
        IncidentReported minor = nonCritical(site, OCCURRED, ana, List.of(ana), List.of());
        IncidentReported critical = critical(site, OCCURRED, ana, List.of(ana), List.of());
        send(minor);
        ReportedIncidents.send(minor.incidentId().toString(),
                EventCodec.encode(amendment(minor, List.of(ben), List.of(), OCCURRED.plusSeconds(3600))));
        // Same key, so consumed after the amendment: once its follow-ups show, the amendment has been handled.
        EventEnvelope later = ReportedIncidents.envelope(critical);
        ReportedIncidents.send(minor.incidentId().toString(), EventCodec.encode(later));
        // The first test of a fresh service may wait for the consumer to join its group: more patience than 20 s.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().auth().oauth2(supervisorOf(critical))
                .queryParam("incidentId", critical.incidentId().toString()).when().get("/api/followups")
                .then().statusCode(200).body("total", equalTo(3)));

        awaitFollowUps(minor, 0);
    }

    private static EventEnvelope amendment(IncidentReported incident, List<String> involved, List<String> witnesses, Instant at) {
        IncidentAmended data = new IncidentAmended(incident.incidentId(), incident.siteId(), UUID.randomUUID(),
                incident.reporterId(), at, involved, witnesses);
        return EventEnvelope.create(HavenEvents.INCIDENT_AMENDED, HavenEvents.ownerOf(HavenEvents.INCIDENT_TOPIC),
                incident.incidentId().toString(), at, data);
    }
}
