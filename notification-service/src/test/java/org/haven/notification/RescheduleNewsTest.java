package org.haven.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.events.DebriefRescheduled;
import org.haven.events.DebriefScheduled;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.notification.domain.DebriefInvite;
import org.haven.notification.domain.Directory;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reschedule is news only to those whose invite it changes: a new slot or facilitator reaches everyone,
 * someone added gets their invite, and an incident joining a debrief that changes nothing else sends no one
 * an "updated" invite, though the invite's new SEQUENCE is kept for the next version that does go out.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class RescheduleNewsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant STARTS = Instant.parse("2026-03-03T15:00:00Z");
    private static final Instant ENDS = STARTS.plus(Duration.ofMinutes(90));

    @Inject
    Directory directory;

    @Test
    void incidentJoiningADebriefThatChangesNothingForAnyoneSendsNoUpdate() {
        Team team = Team.create(directory);
        DebriefScheduled first = scheduled(team, List.of(team.staff().get(0).id(), team.staff().get(1).id(), team.supervisor().id()));
        EventFeed.publish(announce(first));
        await().atMost(WAIT).untilAsserted(() -> assertThat(kindsOf(team.supervisor(), team)).containsExactly("DEBRIEF_INVITE"));

        EventFeed.publish(reschedule(first, first.startsAt(), first.participantIds(), List.of(), 1), announce(marker(team)));

        for (Team.Member member : invitees(team)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(kindsOf(member, team)).hasSize(2));
            assertThat(kindsOf(member, team)).as("the first invite and the later debrief's, no update").containsOnly("DEBRIEF_INVITE");
        }
        assertThat(recordedSequence(first.debriefId())).isEqualTo(1);
    }

    @Test
    void someoneAddedGetsTheirFirstInviteAndNoOneElseAnUpdate() {
        Team team = Team.create(directory);
        Team.Member ana = team.staff().get(0);
        Team.Member ben = team.staff().get(1);
        DebriefScheduled first = scheduled(team, List.of(ana.id(), team.supervisor().id()));
        EventFeed.publish(announce(first));
        await().atMost(WAIT).untilAsserted(() -> assertThat(kindsOf(ana, team)).containsExactly("DEBRIEF_INVITE"));

        EventFeed.publish(reschedule(first, first.startsAt(), List.of(ana.id(), team.supervisor().id(), ben.id()), List.of(), 1),
                announce(marker(team)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(ben.email())).filteredOn(mail -> mail.text().contains(
                first.debriefId().toString())).hasSize(1));
        Mailbox.Received invite = Mailbox.to(ben.email()).stream().filter(mail -> mail.text().contains(first.debriefId().toString()))
                .findFirst().orElseThrow();
        assertThat(invite.subject()).startsWith("Restorative debrief at " + team.siteName());
        assertThat(invite.text()).contains("You are invited to a restorative debrief.");
        Invites ics = Invites.parse(invite.calendar());
        assertThat(ics.uid()).isEqualTo(first.calendarUid());
        assertThat(ics.sequence()).isEqualTo(1);
        assertThat(ics.attendees()).contains("mailto:" + ana.email(), "mailto:" + ben.email(), "mailto:" + team.facilitator().email());
        for (Team.Member member : List.of(team.facilitator(), ana, team.supervisor())) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(kindsOf(member, team)).hasSize(2));
            assertThat(kindsOf(member, team)).containsOnly("DEBRIEF_INVITE");
        }
    }

    @Test
    void movedSlotUpdatesEveryoneAndSomeoneNowOffShiftInItIsToldSo() {
        Team team = Team.create(directory);
        Team.Member ben = team.staff().get(1);
        DebriefScheduled first = scheduled(team, List.of(team.staff().get(0).id(), ben.id(), team.supervisor().id()));
        EventFeed.publish(announce(first));
        await().atMost(WAIT).untilAsserted(() -> assertThat(kindsOf(ben, team)).containsExactly("DEBRIEF_INVITE"));

        Instant moved = STARTS.plus(Duration.ofHours(3));
        EventFeed.publish(reschedule(first, moved, first.participantIds(), List.of(ben.id()), 1));

        for (Team.Member member : invitees(team)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(kindsOf(member, team)).containsExactlyInAnyOrder("DEBRIEF_INVITE", "DEBRIEF_UPDATED"));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(ben.email())).hasSize(2));
        assertThat(Mailbox.to(ben.email()).get(1).text()).contains("has changed", "outside your recorded shift");
        assertThat(Invites.parse(Mailbox.to(ben.email()).get(1).calendar()).start()).isEqualTo(moved);
    }

    @Test
    void someoneNoLongerOffShiftInTheSameSlotIsToldAndNoOneElse() {
        Team team = Team.create(directory);
        Team.Member ben = team.staff().get(1);
        DebriefScheduled first = new DebriefScheduled(UUID.randomUUID(), UUID.randomUUID(), team.siteId(), "ELOPEMENT",
                STARTS.plus(Duration.ofHours(20)), STARTS, ENDS, team.facilitator().id(), List.of(team.staff().get(0).id(), ben.id()),
                List.of(ben.id()), "debrief-" + UUID.randomUUID() + "@haven.example", 0);
        EventFeed.publish(announce(first));
        await().atMost(WAIT).untilAsserted(() -> assertThat(kindsOf(ben, team)).containsExactly("DEBRIEF_INVITE"));

        EventFeed.publish(reschedule(first, STARTS, first.participantIds(), List.of(), 1), announce(marker(team)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(kindsOf(ben, team)).containsExactlyInAnyOrder("DEBRIEF_INVITE", "DEBRIEF_INVITE",
                "DEBRIEF_UPDATED"));
        for (Team.Member member : List.of(team.facilitator(), team.staff().get(0))) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(kindsOf(member, team)).hasSize(2));
            assertThat(kindsOf(member, team)).containsOnly("DEBRIEF_INVITE");
        }
    }

    private static DebriefScheduled scheduled(Team team, List<String> participants) {
        UUID debriefId = UUID.randomUUID();
        return new DebriefScheduled(debriefId, UUID.randomUUID(), team.siteId(), "ELOPEMENT", STARTS.plus(Duration.ofHours(20)),
                STARTS, ENDS, team.facilitator().id(), participants, List.of(), "debrief-" + debriefId + "@haven.example", 0);
    }

    /** Another debrief for the whole team, published last: once its invites are recorded, every earlier event was read. */
    private static DebriefScheduled marker(Team team) {
        return scheduled(team, List.of(team.staff().get(0).id(), team.staff().get(1).id(), team.supervisor().id()));
    }

    private static EventEnvelope reschedule(DebriefScheduled first, Instant startsAt, List<String> participants, List<String> uncovered,
                                            int sequence) {
        return EventFeed.event(HavenEvents.DEBRIEF_RESCHEDULED, first.debriefId().toString(),
                new DebriefRescheduled(first.debriefId(), first.siteId(), first.deadline(), startsAt, startsAt.plus(Duration.ofMinutes(90)),
                        first.facilitatorId(), participants, uncovered, List.of(first.incidentId(), UUID.randomUUID()),
                        first.calendarUid(), sequence));
    }

    private static EventEnvelope announce(DebriefScheduled data) {
        return EventFeed.event(HavenEvents.DEBRIEF_SCHEDULED, data.debriefId().toString(), data);
    }

    private static List<Team.Member> invitees(Team team) {
        return List.of(team.facilitator(), team.staff().get(0), team.staff().get(1), team.supervisor());
    }

    private static List<Object> kindsOf(Team.Member member, Team team) {
        String role = member.equals(team.supervisor()) ? "supervisor" : "staff";
        return OtherNoticesTest.noticesOf(member, role, team.siteId()).stream().map((Map<String, Object> notice) -> notice.get("kind")).toList();
    }

    private static int recordedSequence(UUID debriefId) {
        return QuarkusTransaction.requiringNew().call(() -> DebriefInvite.<DebriefInvite>findById(debriefId).sequence);
    }
}
