package org.haven.debrief;

import org.haven.testing.AdjustableClock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.haven.events.DebriefCancelled;
import org.haven.events.DebriefRescheduled;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.haven.debrief.DebriefsApi.PATIENCE;
import static org.haven.debrief.DebriefsApi.asDirectorOf;
import static org.haven.debrief.DebriefsApi.awaitDebriefOf;
import static org.haven.debrief.RosterFixture.at;
import static org.haven.debrief.RosterFixture.shift;

/** One circle for a cluster of incidents, and every later change announced with the same calendar UID. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class DebriefChangesTest extends PeopleOfThisRun {

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void aSiteWithItsRoster() {
        anaAndBenWithSupervisorAndFacilitatorOnTheDayShift();
        shift(site, dee, "2026-11-21T12:00", "2026-11-21T20:00");
        clock.pin(at("2026-11-20T21:41"));
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void secondIncidentOfTheSameTeamFoldsIntoTheFirstDebrief() {
        IncidentReported first = IncidentFeed.reported("SELF_HARM", true, site, at("2026-11-20T21:40"), ana, List.of(ben), List.of());
        IncidentFeed.send(first);
        String id = awaitDebriefOf(first);
        ConsumerTask<String, String> changes = IncidentFeed.recordsOn(HavenEvents.DEBRIEF_TOPIC, id);

        clock.pin(at("2026-11-20T23:05"));
        IncidentReported second = IncidentFeed.reported("ELOPEMENT", true, site, at("2026-11-20T23:00"), ben, List.of(dee), List.of());
        IncidentFeed.send(second);

        DebriefRescheduled joined = awaitEvent(changes, HavenEvents.DEBRIEF_RESCHEDULED);
        changes.stop();
        assertThat(awaitDebriefOf(second)).as("the second incident has no debrief of its own").isEqualTo(id);
        assertThat(joined.incidentIds()).containsExactly(first.incidentId(), second.incidentId());
        assertThat(joined.participantIds()).containsExactly(ana, ben, supervisor, dee);
        assertThat(joined.calendarUid()).isEqualTo(id + "@haven");
        assertThat(joined.sequence()).isEqualTo(1);
        assertThat(joined.deadline()).as("the elopement's 24 h now bind the circle").isEqualTo(at("2026-11-21T23:00"));
        assertThat(joined.startsAt()).as("moved to when the new participant is on shift too").isEqualTo(at("2026-11-21T12:00"));
        assertThat(joined.uncoveredParticipantIds()).isEmpty();
        asDirectorOf(site).when().get("/api/debriefs/" + id).then().statusCode(200)
                .body("status", equalTo("RESCHEDULED")).body("sequence", equalTo(1));
    }

    @Test
    void anotherTeamAtTheSameSiteGetsItsOwnCircle() {
        IncidentReported first = IncidentFeed.reported("SELF_HARM", true, site, at("2026-11-20T21:40"), ana, List.of(), List.of());
        IncidentReported other = IncidentFeed.reported("SELF_HARM", true, site, at("2026-11-20T21:50"), dee, List.of(), List.of());
        IncidentFeed.send(first);
        IncidentFeed.send(other);

        assertThat(awaitDebriefOf(other)).isNotEqualTo(awaitDebriefOf(first));
    }

    @Test
    void rescheduleSendsAnUpdatedInviteWithTheSameUidAndAHigherSequence() {
        IncidentReported incident = IncidentFeed.reported("ELOPEMENT", true, site, at("2026-11-20T21:40"), ana, List.of(ben), List.of());
        IncidentFeed.send(incident);
        String id = awaitDebriefOf(incident);
        ConsumerTask<String, String> changes = IncidentFeed.recordsOn(HavenEvents.DEBRIEF_TOPIC, id);

        given().auth().oauth2(TestTokens.supervisor(supervisor, site)).contentType("application/json")
                .body(Map.of("startsAt", "2026-11-21T17:00:00Z", "reason", "The house meeting runs long"))
                .when().post("/api/debriefs/" + id + "/reschedule")
                .then().statusCode(200)
                .body("status", equalTo("RESCHEDULED"))
                .body("startsAt", equalTo("2026-11-21T17:00:00Z"))
                .body("endsAt", equalTo("2026-11-21T18:00:00Z"))
                .body("uncoveredParticipantIds", contains(ana, ben, supervisor, facilitator));

        DebriefRescheduled moved = awaitEvent(changes, HavenEvents.DEBRIEF_RESCHEDULED);
        changes.stop();
        assertThat(moved.calendarUid()).isEqualTo(id + "@haven");
        assertThat(moved.sequence()).isEqualTo(1);
        assertThat(moved.startsAt()).isEqualTo(at("2026-11-21T17:00"));
        assertThat(changes.getRecords()).as("what the supervisor typed stays in debrief-service")
                .noneMatch(r -> r.value().contains("house meeting"));
        asDirectorOf(site).when().get("/api/debriefs/" + id).then().statusCode(200)
                .body("changeReason", equalTo("The house meeting runs long"));
        assertThat(moved.uncoveredParticipantIds()).as("off-hours are flagged, never hidden")
                .containsExactly(ana, ben, supervisor, facilitator);
    }

    @Test
    void rescheduleWithoutASlotProposesTheRostersBestSlotAgain() {
        IncidentReported incident = IncidentFeed.reported("ELOPEMENT", true, site, at("2026-11-20T21:40"), ana, List.of(ben), List.of());
        IncidentFeed.send(incident);
        String id = awaitDebriefOf(incident);

        clock.pin(at("2026-11-21T09:20"));
        given().auth().oauth2(TestTokens.director("dir-1", site)).contentType("application/json")
                .body(Map.of("reason", "Facilitator called in sick for 08:00"))
                .when().post("/api/debriefs/" + id + "/reschedule")
                .then().statusCode(200)
                .body("startsAt", equalTo("2026-11-21T09:30:00Z"))
                .body("sequence", equalTo(1));
    }

    @Test
    void cancelWithdrawsTheInviteAndACancelledDebriefCannotBeMoved() {
        IncidentReported incident = IncidentFeed.reported("ELOPEMENT", true, site, at("2026-11-20T21:40"), ana, List.of(ben), List.of());
        IncidentFeed.send(incident);
        String id = awaitDebriefOf(incident);
        ConsumerTask<String, String> changes = IncidentFeed.recordsOn(HavenEvents.DEBRIEF_TOPIC, id);
        String token = TestTokens.supervisor(supervisor, site);

        given().auth().oauth2(token).contentType("application/json").body(Map.of("reason", "Reported in error"))
                .when().post("/api/debriefs/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));

        DebriefCancelled cancelled = awaitEvent(changes, HavenEvents.DEBRIEF_CANCELLED);
        changes.stop();
        assertThat(cancelled.calendarUid()).isEqualTo(id + "@haven");
        assertThat(cancelled.sequence()).isEqualTo(1);
        assertThat(cancelled.participantIds()).containsExactly(ana, ben, supervisor);
        assertThat(changes.getRecords()).as("what the supervisor typed stays in debrief-service")
                .noneMatch(r -> r.value().contains("Reported in error"));
        given().auth().oauth2(token).when().get("/api/debriefs/" + id).then().statusCode(200)
                .body("changeReason", equalTo("Reported in error"));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("reason", "Try again"))
                .when().post("/api/debriefs/" + id + "/reschedule")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void rescheduleWithoutAReasonIsRefusedAsProblem() {
        IncidentReported incident = IncidentFeed.reported("ELOPEMENT", true, site, at("2026-11-20T21:40"), ana, List.of(), List.of());
        IncidentFeed.send(incident);
        String id = awaitDebriefOf(incident);

        given().auth().oauth2(TestTokens.supervisor(supervisor, site)).contentType("application/json").body(Map.of())
                .when().post("/api/debriefs/" + id + "/reschedule")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** Waits for the first event of the type among the debrief's events on the real broker. */
    static <T> T awaitEvent(ConsumerTask<String, String> records, org.haven.events.EventType<T> type) {
        await().atMost(PATIENCE).until(() -> records.getRecords().stream().anyMatch(r -> EventCodec.decode(r.value()).is(type)));
        ConsumerRecord<String, String> record = records.getRecords().stream()
                .filter(r -> EventCodec.decode(r.value()).is(type)).findFirst().orElseThrow();
        EventEnvelope event = EventCodec.decode(record.value());
        return EventCodec.data(event, type);
    }
}
