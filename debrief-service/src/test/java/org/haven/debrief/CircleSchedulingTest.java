package org.haven.debrief;

import org.haven.testing.AdjustableClock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import org.haven.events.DebriefScheduled;
import org.haven.events.EventCodec;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.haven.debrief.DebriefsApi.PATIENCE;
import static org.haven.debrief.DebriefsApi.asDirectorOf;
import static org.haven.debrief.DebriefsApi.awaitDebriefOf;
import static org.haven.debrief.RosterFixture.at;
import static org.haven.debrief.RosterFixture.shift;

/** Scheduling inside paid time: the roster's shifts, the site supervisor and a facilitator who was not involved. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class CircleSchedulingTest extends PeopleOfThisRun {

    @Inject
    AdjustableClock clock;

    @BeforeEach
    void aSiteWithItsRoster() {
        RosterFixture.supervisor(site, supervisor);
        RosterFixture.facilitator(site, ana);          // trained, but involved: chosen only when no one else is
        RosterFixture.facilitator(site, facilitator);
        shift(site, ana, "2026-11-20T15:00", "2026-11-20T23:00");
        shift(site, ana, "2026-11-21T07:00", "2026-11-21T15:00");
        shift(site, ben, "2026-11-21T09:00", "2026-11-21T17:00");
        shift(site, supervisor, "2026-11-21T08:00", "2026-11-21T16:00");
        shift(site, facilitator, "2026-11-21T10:00", "2026-11-21T18:00");
        clock.pin(at("2026-11-20T21:41"));
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void elopementAt2140GetsADebriefBefore2140NextDayInsideEveryonesShift() {
        shift(site, cy, "2026-11-21T08:00", "2026-11-21T16:00");
        IncidentReported elopement = elopement(at("2026-11-20T21:40"));
        ConsumerTask<String, String> announced = IncidentFeed.recordsOn(HavenEvents.DEBRIEF_TOPIC, elopement.incidentId().toString());

        IncidentFeed.send(elopement);

        String id = awaitDebriefOf(elopement);
        asDirectorOf(site).when().get("/api/debriefs/" + id).then().statusCode(200)
                .body("startsAt", equalTo("2026-11-21T10:00:00Z"))
                .body("endsAt", equalTo("2026-11-21T11:00:00Z"))
                .body("deadline", equalTo("2026-11-21T21:40:00Z"))
                .body("facilitatorId", equalTo(facilitator))
                .body("participants.staffId", contains(ana, ben, cy, supervisor))
                .body("participants.role", contains("REPORTER", "INVOLVED_STAFF", "WITNESS", "SUPERVISOR"))
                .body("uncoveredParticipantIds", empty());

        DebriefScheduled event = EventCodec.data(EventCodec.decode(announced.awaitRecords(1, PATIENCE).getFirstRecord().value()),
                HavenEvents.DEBRIEF_SCHEDULED);
        announced.stop();
        assertThat(event.startsAt()).isEqualTo(at("2026-11-21T10:00"));
        assertThat(event.endsAt()).isEqualTo(at("2026-11-21T11:00"));
        assertThat(event.facilitatorId()).isEqualTo(facilitator);
        assertThat(event.participantIds()).containsExactly(ana, ben, cy, supervisor);
        assertThat(event.uncoveredParticipantIds()).isEmpty();
        assertThat(event.calendarUid()).isEqualTo(id + "@haven");
        assertThat(event.sequence()).isZero();
    }

    @Test
    void withNoCommonSlotTheBestCoveredSlotIsProposedAndTheGapFlagged() {
        shift(site, cy, "2026-11-20T23:00", "2026-11-21T07:00"); // the night witness never overlaps the day team
        IncidentReported elopement = elopement(at("2026-11-20T21:40"));
        ConsumerTask<String, String> announced = IncidentFeed.recordsOn(HavenEvents.DEBRIEF_TOPIC, elopement.incidentId().toString());

        IncidentFeed.send(elopement);

        String id = awaitDebriefOf(elopement);
        asDirectorOf(site).when().get("/api/debriefs/" + id).then().statusCode(200)
                .body("startsAt", equalTo("2026-11-21T10:00:00Z"))
                .body("uncoveredParticipantIds", contains(cy));
        DebriefScheduled event = EventCodec.data(EventCodec.decode(announced.awaitRecords(1, PATIENCE).getFirstRecord().value()),
                HavenEvents.DEBRIEF_SCHEDULED);
        announced.stop();
        assertThat(event.uncoveredParticipantIds()).containsExactly(cy);
    }

    @Test
    void involvedFacilitatorIsChosenOnlyWhenNoOneElseIsTrained() {
        RosterFixture.removeFacilitator(site, facilitator);
        shift(site, cy, "2026-11-21T08:00", "2026-11-21T16:00");
        IncidentReported elopement = elopement(at("2026-11-20T21:40"));

        IncidentFeed.send(elopement);

        asDirectorOf(site).when().get("/api/debriefs/" + awaitDebriefOf(elopement)).then().statusCode(200)
                .body("facilitatorId", equalTo(ana))
                .body("startsAt", equalTo("2026-11-21T09:00:00Z"));
    }

    private IncidentReported elopement(Instant reportedAt) {
        return IncidentFeed.reported("ELOPEMENT", true, site, reportedAt, ana, List.of(ben), List.of(cy));
    }
}
