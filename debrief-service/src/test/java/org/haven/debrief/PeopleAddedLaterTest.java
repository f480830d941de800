package org.haven.debrief;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import org.haven.events.DebriefRescheduled;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentAmended;
import org.haven.events.IncidentReported;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.haven.debrief.DebriefChangesTest.awaitEvent;
import static org.haven.debrief.DebriefsApi.PATIENCE;
import static org.haven.debrief.DebriefsApi.applied;
import static org.haven.debrief.DebriefsApi.asDirectorOf;
import static org.haven.debrief.DebriefsApi.awaitDebriefOf;
import static org.haven.debrief.RosterFixture.at;

/**
 * People an amendment adds to an incident (IncidentAmended, ids only) reach its circle: invited while it is upcoming,
 * owed a make-up conversation once it was held; the same amendment delivered again, even as a new event, adds no one
 * twice.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class PeopleAddedLaterTest extends PeopleOfThisRun {

    @Inject
    AdjustableClock clock;

    IncidentReported elopement;
    String debriefId;

    @BeforeEach
    void anElopementWithItsCircle() {
        anaAndBenWithSupervisorAndFacilitatorOnTheDayShift();
        RosterFixture.shift(site, cy, "2026-11-21T08:00", "2026-11-21T16:00");
        clock.pin(at("2026-11-20T21:41"));
        elopement = IncidentFeed.reported("ELOPEMENT", true, site, at("2026-11-20T21:40"), ana, List.of(ben), List.of());
        IncidentFeed.send(elopement);
        debriefId = awaitDebriefOf(elopement);
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void peopleAddedBeforeTheCircleAreInvitedOnceAndTheInviteIsSentAgain() {
        ConsumerTask<String, String> events = IncidentFeed.recordsOn(HavenEvents.DEBRIEF_TOPIC, debriefId);
        EventEnvelope amended = amendment(List.of(cy), List.of(dee));
        EventEnvelope sameAgain = amendment(List.of(cy), List.of(dee));
        String key = elopement.incidentId().toString();
        IncidentFeed.send(key, EventCodec.encode(amended), EventCodec.encode(amended), EventCodec.encode(sameAgain));
        await().atMost(PATIENCE).until(() -> applied(sameAgain.id()));

        asDirectorOf(site).when().get("/api/debriefs/" + debriefId).then().statusCode(200)
                .body("participants.staffId", contains(ana, ben, supervisor, cy, dee))
                .body("participants.role", contains("REPORTER", "INVOLVED_STAFF", "SUPERVISOR", "INVOLVED_STAFF", "WITNESS"))
                .body("status", equalTo("RESCHEDULED"))
                .body("sequence", equalTo(1));
        DebriefRescheduled rescheduled = awaitEvent(events, HavenEvents.DEBRIEF_RESCHEDULED);
        events.stop();
        assertThat(rescheduled.participantIds()).contains(cy, dee);
        assertThat(rescheduled.sequence()).isEqualTo(1);
    }

    @Test
    void someoneAddedAfterTheCircleWasHeldIsOwedAMakeUpConversationOnce() {
        clock.pin(at("2026-11-21T09:00"));
        given().auth().oauth2(TestTokens.staff(facilitator, site)).contentType("application/json")
                .body(Map.of("attendeeIds", List.of(ana, ben, supervisor, facilitator)))
                .when().post("/api/debriefs/" + debriefId + "/held").then().statusCode(200);

        EventEnvelope amended = amendment(List.of(), List.of(cy));
        EventEnvelope sameAgain = amendment(List.of(), List.of(cy));
        IncidentFeed.send(elopement.incidentId().toString(), EventCodec.encode(amended), EventCodec.encode(sameAgain));
        await().atMost(PATIENCE).until(() -> applied(sameAgain.id()));

        given().auth().oauth2(TestTokens.supervisor(supervisor, site)).when().get("/api/debriefs/" + debriefId + "/circle")
                .then().statusCode(200)
                .body("makeUpConversations.staffId", contains(cy))
                .body("makeUpConversations.status", contains("OPEN"));
    }

    private EventEnvelope amendment(List<String> involved, List<String> witnesses) {
        IncidentAmended data = new IncidentAmended(elopement.incidentId(), site, UUID.randomUUID(), ana, clock.instant(),
                involved, witnesses);
        return EventEnvelope.create(HavenEvents.INCIDENT_AMENDED, IncidentFeed.INCIDENT_SERVICE,
                elopement.incidentId().toString(), clock.instant(), data);
    }
}
