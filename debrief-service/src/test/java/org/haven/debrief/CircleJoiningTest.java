package org.haven.debrief;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import org.haven.debrief.config.DebriefPolicyConfig;
import org.haven.events.DebriefRescheduled;
import org.haven.events.EventCodec;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.haven.debrief.DebriefChangesTest.awaitEvent;
import static org.haven.debrief.DebriefsApi.asDirectorOf;
import static org.haven.debrief.DebriefsApi.awaitDebriefOf;
import static org.haven.debrief.RosterFixture.at;
import static org.haven.debrief.RosterFixture.shift;

/** How far a team's circle takes in its further incidents, and when a further incident moves the circle. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class CircleJoiningTest extends PeopleOfThisRun {

    @Inject
    AdjustableClock clock;
    @Inject
    DebriefPolicyConfig policy;

    @BeforeEach
    void aSiteWithItsRoster() {
        anaAndBenWithSupervisorAndFacilitatorOnTheDayShift();
        clock.pin(at("2026-11-20T21:41"));
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void shippedPolicyTakesEightIncidentsIntoOneCircle() {
        assertThat(policy.maxIncidentsPerCircle()).isEqualTo(8);
    }

    @Test
    void aFullCircleLeavesTheTeamsNextIncidentToOpenTheNextCircleWhichTheOneAfterJoins() {
        int max = policy.maxIncidentsPerCircle();
        List<IncidentReported> incidents = IntStream.range(0, max + 2)
                .mapToObj(i -> IncidentFeed.reported("SELF_HARM", true, site, at("2026-11-20T21:00").plusSeconds(60L * i), ana,
                        List.of(ben), List.of()))
                .toList();
        List<String> payloads = incidents.stream().map(i -> EventCodec.encode(IncidentFeed.envelope(i))).toList();
        // One key, so the consumer sees them in this order.
        IncidentFeed.send(incidents.get(0).incidentId().toString(), payloads.toArray(String[]::new));

        String next = awaitDebriefOf(incidents.get(max + 1));
        String first = awaitDebriefOf(incidents.get(0));
        List<String> circles = new ArrayList<>();
        for (IncidentReported incident : incidents) {
            circles.add(awaitDebriefOf(incident));
        }
        assertThat(next).isNotEqualTo(first);
        assertThat(circles.subList(0, max)).as("the first %d incidents share one circle", max).containsOnly(first);
        assertThat(circles.subList(max, max + 2)).as("the team's next incidents share the next circle").containsOnly(next);
        asDirectorOf(site).when().get("/api/debriefs/" + first).then().statusCode(200)
                .body("incidentIds.size()", equalTo(max));
        asDirectorOf(site).when().get("/api/debriefs/" + next).then().statusCode(200)
                .body("incidentId", equalTo(incidents.get(max).incidentId().toString()))
                .body("incidentIds", contains(incidents.get(max).incidentId().toString(), incidents.get(max + 1).incidentId().toString()))
                .body("participants.staffId", contains(ana, ben, supervisor))
                .body("startsAt", equalTo("2026-11-21T08:00:00Z"));
    }

    @Test
    void furtherIncidentOfTheSamePeopleKeepsTheAnnouncedSlotAndIsAnnouncedWithTheCircle() {
        shift(site, cy, "2026-11-20T23:00", "2026-11-21T07:00"); // the night witness never overlaps the day team
        IncidentReported first = IncidentFeed.reported("SELF_HARM", true, site, at("2026-11-20T21:40"), ana, List.of(ben), List.of(cy));
        IncidentFeed.send(first);
        String id = awaitDebriefOf(first);
        asDirectorOf(site).when().get("/api/debriefs/" + id).then().statusCode(200)
                .body("startsAt", equalTo("2026-11-21T08:00:00Z"))
                .body("uncoveredParticipantIds", contains(cy));
        ConsumerTask<String, String> changes = IncidentFeed.recordsOn(HavenEvents.DEBRIEF_TOPIC, id);
        // A later slot would now suit everyone, but nobody new is invited, the deadline and the length stay:
        // the circle does not move under the people who already planned around it.
        shift(site, cy, "2026-11-21T12:00", "2026-11-21T20:00");

        clock.pin(at("2026-11-20T23:05"));
        IncidentReported second = IncidentFeed.reported("SELF_HARM", true, site, at("2026-11-20T23:00"), ben, List.of(ana), List.of(cy));
        IncidentFeed.send(second);

        DebriefRescheduled joined = awaitEvent(changes, HavenEvents.DEBRIEF_RESCHEDULED);
        changes.stop();
        assertThat(awaitDebriefOf(second)).isEqualTo(id);
        assertThat(joined.incidentIds()).containsExactly(first.incidentId(), second.incidentId());
        assertThat(joined.participantIds()).containsExactly(ana, ben, cy, supervisor);
        assertThat(joined.startsAt()).isEqualTo(at("2026-11-21T08:00"));
        assertThat(joined.facilitatorId()).isEqualTo(facilitator);
        assertThat(joined.sequence()).isEqualTo(1);
        assertThat(joined.deadline()).as("the first incident's deadline still binds").isEqualTo(at("2026-11-23T21:40"));
    }

    @Test
    void furtherIncidentWithAnEarlierDeadlineMovesTheCircleBeforeIt() {
        shift(site, ana, "2026-11-23T08:00", "2026-11-23T16:00");
        shift(site, ben, "2026-11-23T08:00", "2026-11-23T16:00");
        shift(site, supervisor, "2026-11-23T08:00", "2026-11-23T16:00");
        shift(site, facilitator, "2026-11-23T08:00", "2026-11-23T16:00");
        clock.pin(at("2026-11-21T16:01"));
        IncidentReported first = IncidentFeed.reported("SELF_HARM", true, site, at("2026-11-21T16:00"), ana, List.of(ben), List.of());
        IncidentFeed.send(first);
        String id = awaitDebriefOf(first);
        asDirectorOf(site).when().get("/api/debriefs/" + id).then().statusCode(200)
                .body("startsAt", equalTo("2026-11-23T08:00:00Z"));
        ConsumerTask<String, String> changes = IncidentFeed.recordsOn(HavenEvents.DEBRIEF_TOPIC, id);
        // Everyone is on shift again tomorrow, inside the elopement's 24 hours.
        for (String person : List.of(ana, ben, supervisor, facilitator)) {
            shift(site, person, "2026-11-22T08:00", "2026-11-22T16:00");
        }

        clock.pin(at("2026-11-21T17:05"));
        IncidentReported elopement = IncidentFeed.reported("ELOPEMENT", true, site, at("2026-11-21T17:00"), ben, List.of(ana), List.of());
        IncidentFeed.send(elopement);

        DebriefRescheduled joined = awaitEvent(changes, HavenEvents.DEBRIEF_RESCHEDULED);
        changes.stop();
        assertThat(joined.deadline()).isEqualTo(at("2026-11-22T17:00"));
        assertThat(joined.startsAt()).as("planned again before the earlier deadline").isEqualTo(at("2026-11-22T08:00"));
        assertThat(joined.uncoveredParticipantIds()).isEmpty();
        assertThat(joined.incidentIds()).containsExactly(first.incidentId(), elopement.incidentId());
    }
}
