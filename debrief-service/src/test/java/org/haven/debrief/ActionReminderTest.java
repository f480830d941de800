package org.haven.debrief;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import org.haven.debrief.domain.ActionReminders;
import org.haven.events.DebriefActionDue;
import org.haven.events.HavenEvents;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.haven.debrief.DebriefChangesTest.awaitEvent;
import static org.haven.debrief.DebriefsApi.awaitDebriefOf;
import static org.haven.debrief.DebriefsApi.eventsRecorded;
import static org.haven.debrief.RosterFixture.at;
import static org.haven.debrief.RosterFixture.shift;

/**
 * Reminders for agreed actions, run by hand with a pinned clock (the scheduler is off in tests). Actions
 * here are due on 2026-11-28, so due until 2026-11-29T00:00Z; the reminder lead time is the default 24 h.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class ActionReminderTest {

    static final String DUE_ON = "2026-11-28";
    static final String ACTION_TEXT = "Fix the side door alarm";

    @Inject
    AdjustableClock clock;
    @Inject
    ActionReminders reminders;

    String site;
    String owner;
    String supervisor;
    String debriefId;

    @BeforeEach
    void aHeldDebrief() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        site = "site-" + run;
        owner = "ana-" + run;
        supervisor = "sup-" + run;
        RosterFixture.supervisor(site, supervisor);
        for (String person : List.of(owner, supervisor)) {
            shift(site, person, "2026-11-21T08:00", "2026-11-21T16:00");
        }
        clock.pin(at("2026-11-20T21:41"));
        IncidentReported elopement = IncidentFeed.reported("ELOPEMENT", true, site, at("2026-11-20T21:40"), owner, List.of(), List.of());
        IncidentFeed.send(elopement);
        debriefId = awaitDebriefOf(elopement);
        clock.pin(at("2026-11-21T09:00"));
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void ownerGetsExactlyOneReminderTheLeadTimeBeforeTheDueDateRunsOut() {
        String action = holdWithActions(1).get(0);
        ConsumerTask<String, String> published = IncidentFeed.recordsOn(HavenEvents.DEBRIEF_TOPIC, action);

        clock.pin(at("2026-11-27T23:59"));
        reminders.remind();
        assertThat(notices(action, false)).as("not yet within the lead time").isZero();

        clock.pin(at("2026-11-28T00:00"));
        reminders.remind();
        clock.pin(at("2026-11-28T12:00"));
        reminders.remind();

        assertThat(notices(action, false)).isEqualTo(1);
        assertThat(notices(action, true)).isZero();
        DebriefActionDue reminder = awaitEvent(published, HavenEvents.DEBRIEF_ACTION_DUE);
        published.stop();
        assertThat(reminder.actionItemId()).hasToString(action);
        assertThat(reminder.debriefId()).hasToString(debriefId);
        assertThat(reminder.ownerId()).isEqualTo(owner);
        assertThat(reminder.siteId()).isEqualTo(site);
        assertThat(reminder.dueAt()).isEqualTo(at("2026-11-29T00:00"));
        assertThat(reminder.overdue()).isFalse();
        assertThat(eventsRecorded(HavenEvents.DEBRIEF_ACTION_DUE, ACTION_TEXT)).as("the action's text stays here").isZero();
    }

    @Test
    void unfinishedActionGetsExactlyOneOverdueNoticeWhenItsDatePasses() {
        String action = holdWithActions(1).get(0);
        clock.pin(at("2026-11-28T08:00"));
        reminders.remind();

        clock.pin(at("2026-11-28T23:59"));
        reminders.remind();
        assertThat(notices(action, true)).as("due until the date ends").isZero();

        clock.pin(at("2026-11-29T00:00"));
        reminders.remind();
        clock.pin(at("2026-11-30T00:00"));
        reminders.remind();

        assertThat(notices(action, true)).isEqualTo(1);
        assertThat(notices(action, false)).isEqualTo(1);
    }

    @Test
    void actionsThatFellDueWhileTheServiceWasDownGetOnlyTheirOverdueNoticeOnce() {
        List<String> actions = holdWithActions(2);

        clock.pin(at("2026-12-10T08:00")); // twelve days of downtime later
        reminders.remind();
        reminders.remind();

        for (String action : actions) {
            assertThat(notices(action, true)).isEqualTo(1);
            assertThat(notices(action, false)).as("a reminder after the date would be noise").isZero();
        }
    }

    @Test
    void doneAndCarriedActionsGetNoReminderAndNoOverdueNotice() {
        List<String> actions = holdWithActions(2);
        settle(actions.get(0), "DONE");
        settle(actions.get(1), "CARRIED");

        clock.pin(at("2026-11-28T12:00"));
        reminders.remind();
        clock.pin(at("2026-12-01T12:00"));
        reminders.remind();

        for (String action : actions) {
            assertThat(eventsRecorded(HavenEvents.DEBRIEF_ACTION_DUE, "\"actionItemId\":\"" + action + "\"")).isZero();
        }
    }

    @Test
    void twoRunsAtTheSameMomentStillSendEachNoticeOnce() throws Exception {
        List<String> actions = holdWithActions(6);
        clock.pin(at("2026-11-28T12:00"));

        // The first replica's run keeps its transaction open until the second replica's run has finished.
        CountDownLatch firstHasItsBatch = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = replicas.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                int sent = reminders.remind();
                firstHasItsBatch.countDown();
                assertThat(secondDone.await(30, TimeUnit.SECONDS)).as("second run finished while the first held its rows").isTrue();
                return sent;
            }));
            Future<Integer> second = replicas.submit(() -> {
                assertThat(firstHasItsBatch.await(30, TimeUnit.SECONDS)).isTrue();
                try {
                    return reminders.remind();
                } finally {
                    secondDone.countDown();
                }
            });

            assertThat(second.get(60, TimeUnit.SECONDS)).as("the second run skips what the first has locked").isZero();
            assertThat(first.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(actions.size());
        } finally {
            replicas.shutdownNow();
        }

        for (String action : actions) {
            assertThat(notices(action, false)).as(action).isEqualTo(1);
        }
    }

    @Test
    void movingTheDueDateRearmsTheReminderAndTheOverdueNotice() {
        String action = holdWithActions(1).get(0);
        clock.pin(at("2026-11-28T08:00"));
        reminders.remind();
        assertThat(notices(action, false)).isEqualTo(1);

        given().auth().oauth2(TestTokens.supervisor(supervisor, site)).contentType("application/json")
                .body(Map.of("dueOn", "2026-12-05"))
                .when().post("/api/debriefs/" + debriefId + "/actions/" + action + "/due")
                .then().statusCode(200).body("actions[0].dueOn", equalTo("2026-12-05"));
        clock.pin(at("2026-11-29T08:00"));
        reminders.remind();
        assertThat(notices(action, true)).as("the old date no longer counts").isZero();

        clock.pin(at("2026-12-05T00:00"));
        reminders.remind();
        clock.pin(at("2026-12-06T00:00"));
        reminders.remind();

        assertThat(notices(action, false)).isEqualTo(2);
        assertThat(notices(action, true)).isEqualTo(1);
        assertThat(eventsRecorded(HavenEvents.DEBRIEF_ACTION_DUE,
                "\"actionItemId\":\"" + action + "\"%\"dueAt\":\"2026-12-06T00:00:00Z\",\"overdue\":true")).isEqualTo(1);
    }

    @Test
    void aSettledActionsDueDateDoesNotMove() {
        String action = holdWithActions(1).get(0);
        settle(action, "DONE");

        given().auth().oauth2(TestTokens.supervisor(supervisor, site)).contentType("application/json")
                .body(Map.of("dueOn", "2026-12-05"))
                .when().post("/api/debriefs/" + debriefId + "/actions/" + action + "/due")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.supervisor(supervisor, site)).contentType("application/json")
                .body(Map.of("dueOn", "not a date"))
                .when().post("/api/debriefs/" + debriefId + "/actions/" + action + "/due")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private List<String> holdWithActions(int count) {
        List<Map<String, String>> actions = IntStream.range(0, count)
                .mapToObj(i -> Map.of("description", ACTION_TEXT + " " + i, "ownerId", owner, "dueOn", DUE_ON)).toList();
        return given().auth().oauth2(TestTokens.supervisor(supervisor, site)).contentType("application/json")
                .body(Map.of("attendeeIds", List.of(owner, supervisor), "actions", actions))
                .when().post("/api/debriefs/" + debriefId + "/held")
                .then().statusCode(200).extract().path("actions.id");
    }

    private void settle(String action, String status) {
        given().auth().oauth2(TestTokens.supervisor(supervisor, site)).contentType("application/json")
                .body(Map.of("status", status))
                .when().post("/api/debriefs/" + debriefId + "/actions/" + action + "/status").then().statusCode(200);
    }

    private static long notices(String action, boolean overdue) {
        return eventsRecorded(HavenEvents.DEBRIEF_ACTION_DUE, "\"actionItemId\":\"" + action + "\"%\"overdue\":" + overdue);
    }
}
