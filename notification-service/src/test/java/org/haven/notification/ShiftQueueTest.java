package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.haven.events.CheckInDue;
import org.haven.events.DebriefRescheduled;
import org.haven.events.DebriefScheduled;
import org.haven.events.ExternalNotificationOverdue;
import org.haven.events.HavenEvents;
import org.haven.notification.domain.Directory;
import org.haven.notification.messaging.NoticeSender;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Non-urgent notices wait for their recipient's shift; urgent ones do not. Everyone here works
 * 09:00-17:00 New York time every day; Monday 2 March 2026, 22:00 in New York is off shift.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class ShiftQueueTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant MONDAY_NIGHT = Instant.parse("2026-03-03T03:00:00Z");
    private static final Instant TUESDAY_SHIFT_START = Instant.parse("2026-03-03T14:00:00Z");
    private static final Instant WEDNESDAY_SHIFT_START = Instant.parse("2026-03-04T14:00:00Z");

    @Inject
    Directory directory;
    @Inject
    NoticeSender sender;
    @Inject
    AdjustableClock clock;

    @AfterEach
    void realTime() {
        clock.release();
    }

    private static void worksNineToFiveEveryDay(Team team, Team.Member member) {
        given().auth().oauth2(TestTokens.admin("admin-1")).contentType(ContentType.JSON)
                .body("""
                        {"weekly": [
                          {"day": "MONDAY", "start": "09:00", "end": "17:00"}, {"day": "TUESDAY", "start": "09:00", "end": "17:00"},
                          {"day": "WEDNESDAY", "start": "09:00", "end": "17:00"}, {"day": "THURSDAY", "start": "09:00", "end": "17:00"},
                          {"day": "FRIDAY", "start": "09:00", "end": "17:00"}, {"day": "SATURDAY", "start": "09:00", "end": "17:00"},
                          {"day": "SUNDAY", "start": "09:00", "end": "17:00"}]}""")
                .when().put("/api/directory/people/" + member.id() + "/sites/" + team.siteId() + "/work-pattern")
                .then().statusCode(200);
    }

    /**
     * Waits for {@code assertion} while the pinned clock moves on 5 s per check (staying in the shift),
     * so that should an attempt fail on a loaded machine, its retry comes due.
     */
    private void awaitAsTimeMovesOn(org.awaitility.core.ThrowingRunnable assertion) {
        await().atMost(WAIT).untilAsserted(() -> {
            clock.pin(clock.instant().plusSeconds(5));
            assertion.run();
        });
    }

    private static Map<String, Object> onlyDelivery(Team.Member member, String role, String siteId) {
        List<Map<String, Object>> notices = OtherNoticesTest.noticesOf(member, role, siteId);
        assertThat(notices).hasSize(1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> deliveries = (List<Map<String, Object>>) notices.get(0).get("deliveries");
        assertThat(deliveries).hasSize(1);
        return deliveries.get(0);
    }

    private static void checkInDue(Team team, Team.Member member) {
        CheckInDue due = new CheckInDue(UUID.randomUUID(), member.id(), team.siteId(), "SELF_CHECK_IN_72H", MONDAY_NIGHT);
        EventFeed.publish(EventFeed.event(HavenEvents.CHECK_IN_DUE, member.id(), due));
    }

    @Test
    void noticeToSomeoneOffShiftIsQueuedAndSentOnceWhenTheirShiftStarts() {
        Team team = Team.create(directory);
        Team.Member ana = team.staff().get(0);
        worksNineToFiveEveryDay(team, ana);
        clock.pin(MONDAY_NIGHT);

        checkInDue(team, ana);

        await().atMost(WAIT).untilAsserted(() -> assertThat(onlyDelivery(ana, "staff", team.siteId()))
                .containsEntry("status", "QUEUED").containsEntry("nextAttemptAt", TUESDAY_SHIFT_START.toString()));
        clock.pin(TUESDAY_SHIFT_START.minusSeconds(1));
        sender.sendDue();
        assertThat(Mailbox.to(ana.email())).as("off shift: nothing sent").isEmpty();

        clock.pin(TUESDAY_SHIFT_START.plusSeconds(30));
        // two senders at once, as two replicas would run them, besides the background one
        CompletableFuture.allOf(CompletableFuture.runAsync(sender::sendDue), CompletableFuture.runAsync(sender::sendDue)).join();
        awaitAsTimeMovesOn(() -> assertThat(onlyDelivery(ana, "staff", team.siteId())).containsEntry("status", "SENT"));
        sender.sendDue();
        assertThat(Mailbox.to(ana.email())).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Your private check-in is ready"));
        Instant sentAt = Instant.parse((String) onlyDelivery(ana, "staff", team.siteId()).get("sentAt"));
        assertThat(sentAt).as("sent in Tuesday's shift").isBetween(TUESDAY_SHIFT_START, TUESDAY_SHIFT_START.plus(Duration.ofHours(8)));
    }

    @Test
    void noticeWhoseShiftWasMissedWhileTheServiceWasDownWaitsForTheNextShift() {
        Team team = Team.create(directory);
        Team.Member ben = team.staff().get(1);
        worksNineToFiveEveryDay(team, ben);
        clock.pin(MONDAY_NIGHT);
        checkInDue(team, ben);
        await().atMost(WAIT).untilAsserted(() -> assertThat(onlyDelivery(ben, "staff", team.siteId())).containsEntry("status", "QUEUED"));

        // back after Tuesday's whole shift: 18:00 in New York
        clock.pin(Instant.parse("2026-03-03T23:00:00Z"));
        sender.sendDue();

        assertThat(onlyDelivery(ben, "staff", team.siteId())).containsEntry("status", "QUEUED")
                .containsEntry("nextAttemptAt", WEDNESDAY_SHIFT_START.toString());
        assertThat(Mailbox.to(ben.email())).isEmpty();
        clock.pin(WEDNESDAY_SHIFT_START.plusSeconds(5));
        sender.sendDue();
        awaitAsTimeMovesOn(() -> assertThat(Mailbox.to(ben.email())).hasSize(1));
    }

    @Test
    void urgentNoticeGoesOutAtOnceToASupervisorOffShift() {
        Team team = Team.create(directory);
        worksNineToFiveEveryDay(team, team.supervisor());
        clock.pin(MONDAY_NIGHT);
        UUID incidentId = UUID.randomUUID();
        ExternalNotificationOverdue overdue = new ExternalNotificationOverdue(incidentId, team.siteId(), "ELOPEMENT", UUID.randomUUID(),
                "Law enforcement", MONDAY_NIGHT.minus(Duration.ofHours(1)));

        EventFeed.publish(EventFeed.event(HavenEvents.EXTERNAL_NOTIFICATION_OVERDUE, incidentId.toString(), overdue));

        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(team.supervisor().email())).hasSize(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(SmsProvider.to(team.supervisor().phone())).hasSize(1));
    }

    @Test
    void someoneOffShiftGetsOnlyTheLatestVersionOfAnInviteWhenTheirShiftStarts() {
        Team team = Team.create(directory);
        Team.Member ana = team.staff().get(0);
        worksNineToFiveEveryDay(team, ana);
        clock.pin(MONDAY_NIGHT);
        UUID debriefId = UUID.randomUUID();
        String uid = "debrief-" + debriefId + "@haven.example";
        Instant slot = Instant.parse("2026-03-03T16:00:00Z");
        EventFeed.publish(EventFeed.event(HavenEvents.DEBRIEF_SCHEDULED, debriefId.toString(),
                new DebriefScheduled(debriefId, UUID.randomUUID(), team.siteId(), "ELOPEMENT", slot.plus(Duration.ofHours(4)), slot,
                        slot.plus(Duration.ofHours(1)), team.facilitator().id(), List.of(ana.id()), List.of(), uid, 0)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(OtherNoticesTest.noticesOf(ana, "staff", team.siteId())).hasSize(1));
        Instant moved = slot.plus(Duration.ofHours(1));
        EventFeed.publish(EventFeed.event(HavenEvents.DEBRIEF_RESCHEDULED, debriefId.toString(),
                new DebriefRescheduled(debriefId, team.siteId(), slot.plus(Duration.ofHours(4)), moved, moved.plus(Duration.ofHours(1)),
                        team.facilitator().id(), List.of(ana.id()), List.of(), List.of(), uid, 1)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(OtherNoticesTest.noticesOf(ana, "staff", team.siteId())).hasSize(2));

        clock.pin(TUESDAY_SHIFT_START.plusSeconds(1));
        sender.sendDue();

        awaitAsTimeMovesOn(() -> assertThat(Mailbox.to(ana.email())).hasSize(1));
        sender.sendDue();
        Mailbox.Received mail = Mailbox.to(ana.email()).get(0);
        assertThat(mail.subject()).startsWith("Updated: restorative debrief");
        Invites invite = Invites.parse(mail.calendar());
        assertThat(invite.sequence()).isEqualTo(1);
        assertThat(invite.start()).isEqualTo(moved);
        assertThat(Mailbox.to(ana.email())).hasSize(1);
        // the facilitator is not shift-bound: both versions went out
        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(team.facilitator().email())).hasSize(2));
    }
}
