package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.events.CheckInDue;
import org.haven.events.ConversationRequested;
import org.haven.events.DebriefActionDue;
import org.haven.events.DebriefOverdue;
import org.haven.events.ExposureThresholdReached;
import org.haven.events.ExternalNotificationOverdue;
import org.haven.events.HavenEvents;
import org.haven.notification.domain.Directory;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each notice from another service's event reaches the person it is for, once, and is logged. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class OtherNoticesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant DUE = Instant.parse("2026-03-03T15:00:00Z");

    @Inject
    Directory directory;

    static List<Map<String, Object>> noticesOf(Team.Member member, String role, String siteId) {
        return given().auth().oauth2(TestTokens.token(member.id(), role, siteId))
                .when().get("/api/notices")
                .then().statusCode(200)
                .extract().jsonPath().getList("");
    }

    @Test
    void overdueDebriefGoesToTheProgramDirectorAtOnceByEmailAndText() {
        Team team = Team.create(directory);
        UUID debriefId = UUID.randomUUID();
        DebriefOverdue overdue = new DebriefOverdue(debriefId, UUID.randomUUID(), team.siteId(), "ELOPEMENT", DUE);

        EventFeed.publish(EventFeed.event(HavenEvents.DEBRIEF_OVERDUE, debriefId.toString(), overdue));

        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(team.director().email())).hasSize(1));
        Mailbox.Received mail = Mailbox.to(team.director().email()).get(0);
        assertThat(mail.subject()).isEqualTo("Overdue: restorative debrief at " + team.siteName() + " (Elopement)");
        assertThat(mail.text()).contains("Deadline:  Tue 3 Mar 2026, 10:00 EST", "http://localhost:8082/app/debriefs/" + debriefId);
        await().atMost(WAIT).untilAsserted(() -> assertThat(SmsProvider.to(team.director().phone())).singleElement()
                .satisfies(text -> assertThat(text.body()).contains("restorative debrief at " + team.siteName(), "overdue")));
        assertThat(Mailbox.to(team.supervisor().email())).isEmpty();
        await().atMost(WAIT).untilAsserted(() -> assertThat(noticesOf(team.director(), "director", team.siteId())).singleElement()
                .satisfies(notice -> {
                    assertThat(notice).containsEntry("kind", "DEBRIEF_OVERDUE").containsEntry("urgent", true);
                    assertThat((List<Map<String, Object>>) notice.get("deliveries")).extracting(d -> d.get("channel") + ":" + d.get("status"))
                            .containsExactlyInAnyOrder("EMAIL:SENT", "SMS:SENT");
                }));
    }

    @Test
    void dueActionRemindsItsOwnerByEmailOnly() {
        Team team = Team.create(directory);
        Team.Member owner = team.staff().get(1);
        UUID debriefId = UUID.randomUUID();
        UUID actionId = UUID.randomUUID();
        DebriefActionDue due = new DebriefActionDue(debriefId, actionId, team.siteId(), owner.id(), DUE, false);

        EventFeed.publish(EventFeed.event(HavenEvents.DEBRIEF_ACTION_DUE, debriefId.toString(), due));

        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(owner.email())).hasSize(1));
        Mailbox.Received mail = Mailbox.to(owner.email()).get(0);
        assertThat(mail.subject()).isEqualTo("Reminder: an action you agreed at a debrief at " + team.siteName());
        assertThat(mail.text()).contains("Due:       Tue 3 Mar 2026, 10:00 EST", "/app/debriefs/" + debriefId + "#action-" + actionId);
        await().atMost(WAIT).untilAsserted(() -> assertThat(noticesOf(owner, "staff", team.siteId())).singleElement()
                .satisfies(notice -> assertThat((List<?>) notice.get("deliveries")).hasSize(1)));
        assertThat(SmsProvider.to(owner.phone())).as("a reminder is not worth a text").isEmpty();
    }

    @Test
    void dueCheckInTellsTheStaffMemberPrivately() {
        Team team = Team.create(directory);
        Team.Member ana = team.staff().get(0);
        CheckInDue due = new CheckInDue(UUID.randomUUID(), ana.id(), team.siteId(), "SELF_CHECK_IN_72H", DUE);

        EventFeed.publish(EventFeed.event(HavenEvents.CHECK_IN_DUE, ana.id(), due));

        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(ana.email())).hasSize(1));
        Mailbox.Received mail = Mailbox.to(ana.email()).get(0);
        assertThat(mail.subject()).isEqualTo("Your private check-in is ready");
        assertThat(mail.text()).contains("Only you can read your answers", "http://localhost:8084/app/wellness");
        assertThat(Mailbox.to(team.supervisor().email())).as("a check-in is the staff member's own").isEmpty();
    }

    @Test
    void exposureThresholdAsksTheSupervisorToOfferSupportWithoutRatingThePerson() {
        Team team = Team.create(directory);
        Team.Member ben = team.staff().get(1);
        ExposureThresholdReached reached = new ExposureThresholdReached(ben.id(), team.siteId(), 30, 7, 5, DUE);

        EventFeed.publish(EventFeed.event(HavenEvents.EXPOSURE_THRESHOLD_REACHED, ben.id(), reached));

        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(team.supervisor().email())).hasSize(1));
        Mailbox.Received mail = Mailbox.to(team.supervisor().email()).get(0);
        assertThat(mail.subject()).isEqualTo("Support for " + ben.name() + " at " + team.siteName());
        assertThat(mail.text()).contains("not a judgement of their work", "consider offering a conversation");
        assertThat(mail.subject() + mail.text()).as("no count, score or rating of the person")
                .doesNotContain("7 critical", "7 incidents", "score", "rating", "threshold");
        assertThat(Mailbox.to(ben.email())).isEmpty();
    }

    @Test
    void requestedConversationReachesTheSupervisor() {
        Team team = Team.create(directory);
        Team.Member ana = team.staff().get(0);
        ConversationRequested request = new ConversationRequested(UUID.randomUUID(), ana.id(), team.siteId(), DUE);

        EventFeed.publish(EventFeed.event(HavenEvents.CONVERSATION_REQUESTED, ana.id(), request));

        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(team.supervisor().email())).hasSize(1));
        Mailbox.Received mail = Mailbox.to(team.supervisor().email()).get(0);
        assertThat(mail.subject()).isEqualTo(ana.name() + " would like a conversation with you");
        assertThat(mail.text()).contains("Please find a time during their shift");
    }

    @Test
    void overdueExternalNotificationAlertsTheSupervisorAtOnce() {
        Team team = Team.create(directory);
        UUID incidentId = UUID.randomUUID();
        ExternalNotificationOverdue overdue = new ExternalNotificationOverdue(incidentId, team.siteId(), "ELOPEMENT", UUID.randomUUID(),
                "State licensing agency", DUE);

        EventFeed.publish(EventFeed.event(HavenEvents.EXTERNAL_NOTIFICATION_OVERDUE, incidentId.toString(), overdue));

        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(team.supervisor().email())).hasSize(1));
        Mailbox.Received mail = Mailbox.to(team.supervisor().email()).get(0);
        assertThat(mail.subject()).isEqualTo("Overdue: external notification for a critical incident at " + team.siteName());
        assertThat(mail.text()).contains("Notify:    State licensing agency", "Was due:   Tue 3 Mar 2026, 10:00 EST",
                "Incident:  Elopement", "http://localhost:8081/app");
        await().atMost(WAIT).untilAsserted(() -> assertThat(SmsProvider.to(team.supervisor().phone())).hasSize(1));
    }
}
