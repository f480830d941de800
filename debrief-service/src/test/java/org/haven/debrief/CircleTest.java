package org.haven.debrief;

import org.haven.testing.AdjustableClock;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import org.haven.events.DebriefClosed;
import org.haven.events.DebriefHeld;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.haven.debrief.DebriefChangesTest.awaitEvent;
import static org.haven.debrief.DebriefsApi.awaitDebriefOf;
import static org.haven.debrief.DebriefsApi.eventsRecorded;
import static org.haven.debrief.RosterFixture.at;
import static org.haven.debrief.RosterFixture.shift;

/** Holding the circle: attendance, the facilitator's record, make-up conversations, actions and closing. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class CircleTest extends PeopleOfThisRun {

    static final String PRIVATE_WORDS = "I froze when the door alarm went";

    @Inject
    AdjustableClock clock;
    @Inject
    MeterRegistry metrics;

    String debriefId;

    @BeforeEach
    void aScheduledDebrief() {
        RosterFixture.supervisor(site, supervisor);
        RosterFixture.facilitator(site, facilitator);
        for (String person : List.of(ana, ben, supervisor, facilitator)) {
            shift(site, person, "2026-11-21T08:00", "2026-11-21T16:00");
        }
        clock.pin(at("2026-11-20T21:41"));
        IncidentReported elopement = IncidentFeed.reported("ELOPEMENT", true, site, at("2026-11-20T21:40"), ana, List.of(ben), List.of());
        IncidentFeed.send(elopement);
        debriefId = awaitDebriefOf(elopement);
        clock.pin(at("2026-11-21T09:00"));
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void heldWithOneAbsenteeOpensAMakeUpConversationAndAnnouncesAttendanceOnly() {
        ConsumerTask<String, String> events = IncidentFeed.recordsOn(HavenEvents.DEBRIEF_TOPIC, debriefId);
        double metBefore = metrics.counter("haven.debrief.deadline.met", "site", site).count();

        given().auth().oauth2(TestTokens.staff(facilitator, site)).contentType("application/json")
                .body(Map.of("attendeeIds", List.of(ana, supervisor, facilitator),
                        "notes", Map.of("whatHappened", "Client left through the side door at 21:30", "reactions", PRIVATE_WORDS),
                        "actions", List.of(Map.of("description", "Fix the side door alarm", "ownerId", supervisor, "dueOn", "2026-11-28"))))
                .when().post("/api/debriefs/" + debriefId + "/held")
                .then().statusCode(200)
                .body("status", equalTo("HELD"))
                .body("attendeeIds", containsInAnyOrder(ana, supervisor))
                .body("absentRequiredIds", contains(ben))
                .body("makeUpConversations.staffId", contains(ben))
                .body("makeUpConversations.status", contains("OPEN"))
                .body("notes.whatHappened", equalTo("Client left through the side door at 21:30"))
                .body("notes.opening", equalTo(null))
                .body("actions.description", contains("Fix the side door alarm"));

        DebriefHeld held = awaitEvent(events, HavenEvents.DEBRIEF_HELD);
        events.stop();
        assertThat(held.attendeeIds()).containsExactly(ana, supervisor);
        assertThat(held.absentRequiredIds()).containsExactly(ben);
        assertThat(held.heldAt()).isEqualTo(at("2026-11-21T09:00"));
        assertThat(eventsRecorded(HavenEvents.DEBRIEF_HELD, PRIVATE_WORDS)).as("what was shared stays in debrief-service").isZero();
        assertThat(metrics.counter("haven.debrief.deadline.met", "site", site).count()).isEqualTo(metBefore + 1);
    }

    @Test
    void debriefClosesWhenEveryActionIsDoneOrCarried() {
        String token = TestTokens.supervisor(supervisor, site);
        List<String> actions = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("attendeeIds", List.of(ana, ben, supervisor, facilitator),
                        "actions", List.of(
                                Map.of("description", "Fix the side door alarm", "ownerId", supervisor, "dueOn", "2026-11-28"),
                                Map.of("description", "Review night staffing", "ownerId", supervisor, "dueOn", "2026-12-05"))))
                .when().post("/api/debriefs/" + debriefId + "/held")
                .then().statusCode(200).body("makeUpConversations", org.hamcrest.Matchers.empty())
                .extract().path("actions.id");

        given().auth().oauth2(token).contentType("application/json").body(Map.of("status", "DONE"))
                .when().post("/api/debriefs/" + debriefId + "/actions/" + actions.get(0) + "/status")
                .then().statusCode(200).body("status", equalTo("HELD"));
        clock.pin(at("2026-11-29T10:00"));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("status", "CARRIED"))
                .when().post("/api/debriefs/" + debriefId + "/actions/" + actions.get(1) + "/status")
                .then().statusCode(200).body("status", equalTo("CLOSED"));

        assertThat(eventsRecorded(HavenEvents.DEBRIEF_CLOSED, "\"debriefId\":\"" + debriefId + "\"")).isEqualTo(1);
        given().auth().oauth2(token).when().get("/api/debriefs/" + debriefId)
                .then().statusCode(200).body("closedAt", equalTo("2026-11-29T10:00:00Z"));
    }

    @Test
    void circleWithoutAgreedActionsClosesWhenHeld() {
        ConsumerTask<String, String> events = IncidentFeed.recordsOn(HavenEvents.DEBRIEF_TOPIC, debriefId);

        given().auth().oauth2(TestTokens.director("dir-1", site)).contentType("application/json")
                .body(Map.of("attendeeIds", List.of(ana, ben, supervisor, facilitator)))
                .when().post("/api/debriefs/" + debriefId + "/held")
                .then().statusCode(200).body("status", equalTo("CLOSED"));

        DebriefClosed closed = awaitEvent(events, HavenEvents.DEBRIEF_CLOSED);
        events.stop();
        assertThat(closed.closedAt()).isEqualTo(at("2026-11-21T09:00"));
    }

    @Test
    void complianceShowsTimeFromIncidentToDebriefPerSiteAndMonth() {
        given().auth().oauth2(TestTokens.supervisor(supervisor, site)).contentType("application/json")
                .body(Map.of("attendeeIds", List.of(ana, ben, supervisor)))
                .when().post("/api/debriefs/" + debriefId + "/held").then().statusCode(200);

        given().auth().oauth2(TestTokens.director("dir-1", site)).queryParam("months", 2)
                .when().get("/api/debriefs/compliance")
                .then().statusCode(200)
                .body("siteId", contains(site))
                .body("month", contains("2026-11"))
                .body("held", contains(1))
                .body("heldByDeadline", contains(1))
                .body("medianHoursToDebrief", contains(11.3f));
        given().auth().oauth2(TestTokens.supervisor("sup-elsewhere", "site-elsewhere")).when().get("/api/debriefs/compliance")
                .then().statusCode(200).body("siteId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(site)));
        given().auth().oauth2(TestTokens.staff(ana, site)).when().get("/api/debriefs/compliance").then().statusCode(403);
    }

    @Test
    void onlyTheFacilitatorOrTheSitesSupervisorsRunTheCircle() {
        Map<String, Object> body = Map.of("attendeeIds", List.of(ana));
        given().auth().oauth2(TestTokens.staff(ana, site)).contentType("application/json").body(body)
                .when().post("/api/debriefs/" + debriefId + "/held").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.staff(ana, site)).when().get("/api/debriefs/" + debriefId + "/circle").then().statusCode(403);
        given().auth().oauth2(TestTokens.supervisor("sup-elsewhere", "site-elsewhere")).contentType("application/json").body(body)
                .when().post("/api/debriefs/" + debriefId + "/held").then().statusCode(404);
        given().auth().oauth2(TestTokens.admin("admin")).contentType("application/json").body(body)
                .when().post("/api/debriefs/" + debriefId + "/held").then().statusCode(403);
    }

    @Test
    void aCircleIsHeldOnceAndOnlyWithItsInvitedPeople() {
        String token = TestTokens.supervisor(supervisor, site);
        given().auth().oauth2(token).contentType("application/json").body(Map.of("attendeeIds", List.of(ana, "stranger")))
                .when().post("/api/debriefs/" + debriefId + "/held").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType("application/json").body(Map.of("attendeeIds", List.of(ana, ben)))
                .when().post("/api/debriefs/" + debriefId + "/held").then().statusCode(200);
        given().auth().oauth2(token).contentType("application/json").body(Map.of("attendeeIds", List.of(ana, ben)))
                .when().post("/api/debriefs/" + debriefId + "/held").then().statusCode(409).contentType("application/problem+json");
    }
}
