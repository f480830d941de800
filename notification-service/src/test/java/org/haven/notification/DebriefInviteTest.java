package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.events.DebriefCancelled;
import org.haven.events.DebriefRescheduled;
import org.haven.events.DebriefScheduled;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.notification.domain.Directory;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class DebriefInviteTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant STARTS = Instant.parse("2026-03-03T15:00:00Z");
    private static final Instant ENDS = STARTS.plus(Duration.ofMinutes(90));

    @Inject
    Directory directory;

    private static DebriefScheduled scheduled(Team team, UUID debriefId, Instant startsAt, Instant endsAt, List<String> uncovered) {
        return new DebriefScheduled(debriefId, UUID.randomUUID(), team.siteId(), "ELOPEMENT", STARTS.plus(Duration.ofHours(20)),
                startsAt, endsAt, team.facilitator().id(), List.of(team.staff().get(0).id(), team.staff().get(1).id(), team.supervisor().id()),
                uncovered, "debrief-" + debriefId + "@haven.example", 0);
    }

    private static EventEnvelope announce(DebriefScheduled data) {
        return EventFeed.event(HavenEvents.DEBRIEF_SCHEDULED, data.debriefId().toString(), data);
    }

    private static List<Mailbox.Received> invites(Team.Member member) {
        return Mailbox.to(member.email()).stream().filter(Mailbox.Received::hasInvite).toList();
    }

    private static List<Team.Member> invitees(Team team) {
        return List.of(team.facilitator(), team.staff().get(0), team.staff().get(1), team.supervisor());
    }

    @Test
    void scheduledDebriefSendsEveryParticipantAndTheFacilitatorACalendarInvite() {
        Team team = Team.create(directory);
        UUID debriefId = UUID.randomUUID();
        DebriefScheduled debrief = scheduled(team, debriefId, STARTS, ENDS, List.of());

        EventFeed.publish(announce(debrief));

        for (Team.Member member : invitees(team)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(invites(member)).hasSize(1));
            Mailbox.Received mail = invites(member).get(0);
            assertThat(mail.subject()).isEqualTo("Restorative debrief at " + team.siteName() + ", Tue 3 Mar 2026, 10:00 EST");
            assertThat(mail.text()).contains("Restorative debrief after a critical incident (Elopement)",
                    "http://localhost:8082/app/debriefs/" + debriefId, "Held by:   " + team.facilitator().name());
            assertThat(mail.calendarName()).isEqualTo("invite.ics");
            assertThat(mail.calendarType()).startsWith("text/calendar").contains("method=REQUEST");

            Invites invite = Invites.parse(mail.calendar());
            assertThat(invite.method()).isEqualTo("REQUEST");
            assertThat(invite.uid()).isEqualTo(debrief.calendarUid());
            assertThat(invite.sequence()).isZero();
            assertThat(invite.status()).isEqualTo("CONFIRMED");
            assertThat(invite.start()).isEqualTo(STARTS);
            assertThat(invite.end()).isEqualTo(ENDS);
            assertThat(invite.value("ORGANIZER")).isEqualTo("mailto:haven@haven.example");
            assertThat(invite.attendees()).containsExactlyInAnyOrderElementsOf(invitees(team).stream().map(m -> "mailto:" + m.email()).toList());
        }
        assertThat(Mailbox.to(team.director().email())).as("the director takes no part").isEmpty();
    }

    @Test
    void rescheduleSendsTheSameInviteUidWithAHigherSequenceAndTheNewTime() {
        Team team = Team.create(directory);
        UUID debriefId = UUID.randomUUID();
        DebriefScheduled first = scheduled(team, debriefId, STARTS, ENDS, List.of());
        Instant moved = STARTS.plus(Duration.ofHours(2));
        DebriefRescheduled second = new DebriefRescheduled(debriefId, team.siteId(), first.deadline(), moved, moved.plus(Duration.ofMinutes(90)),
                first.facilitatorId(), first.participantIds(), List.of(), List.of(first.incidentId()),
                first.calendarUid(), 1);

        EventFeed.publish(announce(first));
        Team.Member ana = team.staff().get(0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(invites(ana)).hasSize(1));
        EventFeed.publish(EventFeed.event(HavenEvents.DEBRIEF_RESCHEDULED, debriefId.toString(), second));

        await().atMost(WAIT).untilAsserted(() -> assertThat(invites(ana)).hasSize(2));
        Invites original = Invites.parse(invites(ana).get(0).calendar());
        Mailbox.Received update = invites(ana).get(1);
        Invites updated = Invites.parse(update.calendar());
        assertThat(update.subject()).startsWith("Updated: restorative debrief at " + team.siteName() + ", Tue 3 Mar 2026, 12:00 EST");
        assertThat(updated.method()).isEqualTo("REQUEST");
        assertThat(updated.uid()).isEqualTo(original.uid()).isEqualTo(first.calendarUid());
        assertThat(updated.sequence()).isGreaterThan(original.sequence()).isEqualTo(1);
        assertThat(updated.start()).isEqualTo(moved);
        assertThat(updated.end()).isEqualTo(moved.plus(Duration.ofMinutes(90)));
    }

    @Test
    void aVersion1RescheduleStillUpdatesTheInviteAndItsReasonIsNeverQuoted() {
        Team team = Team.create(directory);
        UUID debriefId = UUID.randomUUID();
        DebriefScheduled first = scheduled(team, debriefId, STARTS, ENDS, List.of());
        Instant moved = STARTS.plus(Duration.ofHours(3));
        EventEnvelope v1 = EventFeed.asVersion1(EventFeed.event(HavenEvents.DEBRIEF_RESCHEDULED, debriefId.toString(),
                new DebriefRescheduled(debriefId, team.siteId(), first.deadline(), moved, moved.plus(Duration.ofMinutes(90)),
                        first.facilitatorId(), first.participantIds(), List.of(), List.of(first.incidentId()), first.calendarUid(), 1)),
                "reason", "Ana is off sick after the assault");

        EventFeed.publish(announce(first), v1);

        for (Team.Member member : invitees(team)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(invites(member)).hasSize(2));
            Mailbox.Received update = invites(member).get(1);
            assertThat(Invites.parse(update.calendar()).start()).isEqualTo(moved);
            assertThat(update.subject() + update.text() + update.calendar()).doesNotContain("off sick");
        }
    }

    @Test
    void cancellationWithdrawsTheInviteUnderTheSameUid() {
        Team team = Team.create(directory);
        UUID debriefId = UUID.randomUUID();
        DebriefScheduled first = scheduled(team, debriefId, STARTS, ENDS, List.of());
        DebriefCancelled cancelled = new DebriefCancelled(debriefId, team.siteId(), first.participantIds(),
                first.calendarUid(), 2);

        EventFeed.publish(announce(first), EventFeed.event(HavenEvents.DEBRIEF_CANCELLED, debriefId.toString(), cancelled));

        for (Team.Member member : invitees(team)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(invites(member)).hasSize(2));
            Mailbox.Received mail = invites(member).get(1);
            assertThat(mail.subject()).startsWith("Cancelled: restorative debrief at " + team.siteName());
            assertThat(mail.calendarType()).contains("method=CANCEL");
            Invites cancel = Invites.parse(mail.calendar());
            assertThat(cancel.method()).isEqualTo("CANCEL");
            assertThat(cancel.status()).isEqualTo("CANCELLED");
            assertThat(cancel.uid()).isEqualTo(first.calendarUid());
            assertThat(cancel.sequence()).isEqualTo(2);
            assertThat(cancel.start()).isEqualTo(STARTS);
        }
    }

    @Test
    void debriefWithoutASlotSaysSoAndAttachesNoInvite() {
        Team team = Team.create(directory);
        DebriefScheduled unslotted = scheduled(team, UUID.randomUUID(), null, null, List.of());

        EventFeed.publish(announce(unslotted));

        Team.Member ana = team.staff().get(0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(ana.email())).hasSize(1));
        Mailbox.Received mail = Mailbox.to(ana.email()).get(0);
        assertThat(mail.hasInvite()).isFalse();
        assertThat(mail.subject()).isEqualTo("Restorative debrief at " + team.siteName() + ": no time found yet");
        assertThat(mail.text()).contains("No time when everyone is on shift could be found yet", "must be held by Wed 4 Mar 2026, 06:00 EST");
    }

    @Test
    void participantOffShiftInTheSlotIsToldSo() {
        Team team = Team.create(directory);
        Team.Member ben = team.staff().get(1);
        DebriefScheduled debrief = scheduled(team, UUID.randomUUID(), STARTS, ENDS, List.of(ben.id()));

        EventFeed.publish(announce(debrief));

        await().atMost(WAIT).untilAsserted(() -> assertThat(invites(ben)).hasSize(1));
        assertThat(invites(ben).get(0).text()).contains("outside your recorded shift");
        await().atMost(WAIT).untilAsserted(() -> assertThat(invites(team.staff().get(0))).hasSize(1));
        assertThat(invites(team.staff().get(0)).get(0).text()).doesNotContain("outside your recorded shift");
    }

    @Test
    void theSameEventDeliveredThreeTimesSendsOneInvitePerPerson() {
        Team team = Team.create(directory);
        DebriefScheduled debrief = scheduled(team, UUID.randomUUID(), STARTS, ENDS, List.of());
        EventEnvelope once = announce(debrief);
        DebriefScheduled later = scheduled(team, UUID.randomUUID(), STARTS, ENDS, List.of());

        EventFeed.publish(once, once, once, announce(later));

        // The later debrief's invite was published after the three copies on the same partition.
        await().atMost(WAIT).untilAsserted(() -> assertThat(invites(team.supervisor())).hasSize(2));
        for (Team.Member member : invitees(team)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(invites(member)).hasSize(2));
            assertThat(invites(member)).extracting(mail -> Invites.parse(mail.calendar()).uid())
                    .containsExactlyInAnyOrder(debrief.calendarUid(), later.calendarUid());
        }
    }
}
