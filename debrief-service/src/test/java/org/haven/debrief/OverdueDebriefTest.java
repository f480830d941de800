package org.haven.debrief;

import org.haven.testing.AdjustableClock;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.debrief.domain.OverdueCheck;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.haven.debrief.DebriefsApi.asDirectorOf;
import static org.haven.debrief.DebriefsApi.awaitDebriefOf;
import static org.haven.debrief.DebriefsApi.eventsRecorded;
import static org.haven.debrief.RosterFixture.at;

/** The overdue check, run by hand with a pinned clock (the scheduler is off in tests). */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class OverdueDebriefTest {

    @Inject
    AdjustableClock clock;
    @Inject
    OverdueCheck check;
    @Inject
    MeterRegistry metrics;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void deadlinePassingUnheldAnnouncesExactlyOneDebriefOverdue() {
        String site = "site-" + UUID.randomUUID();
        clock.pin(at("2026-11-20T21:41"));
        IncidentReported elopement = IncidentFeed.reported("ELOPEMENT", true, site, at("2026-11-20T21:40"));
        IncidentFeed.send(elopement);
        String id = awaitDebriefOf(elopement);

        clock.pin(at("2026-11-21T21:39"));
        check.markOverdue();
        assertThat(overdueEventsOf(id)).as("not yet due").isZero();

        clock.pin(at("2026-11-21T21:40"));
        check.markOverdue();
        clock.pin(at("2026-11-21T21:41"));
        check.markOverdue();

        assertThat(overdueEventsOf(id)).isEqualTo(1);
        assertThat(metrics.counter("haven.debrief.overdue", "site", site).count()).isEqualTo(1.0);
        asDirectorOf(site).when().get("/api/debriefs/" + id).then().statusCode(200).body("overdue", equalTo(true));
        asDirectorOf(site).queryParam("overdue", true).when().get("/api/debriefs")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void debriefsThatFellDueWhileTheServiceWasDownAreCaughtOnceOnTheNextRun() {
        String site = "site-" + UUID.randomUUID();
        clock.pin(at("2026-11-10T08:01"));
        IncidentReported first = IncidentFeed.reported("ELOPEMENT", true, site, at("2026-11-10T08:00"), "a-" + site, List.of(), List.of());
        IncidentReported second = IncidentFeed.reported("SELF_HARM", true, site, at("2026-11-10T09:00"), "b-" + site, List.of(), List.of());
        IncidentFeed.send(first);
        IncidentFeed.send(second);
        String firstId = awaitDebriefOf(first);
        String secondId = awaitDebriefOf(second);

        clock.pin(at("2026-11-20T08:00")); // ten days of downtime later
        check.markOverdue();
        check.markOverdue();

        assertThat(overdueEventsOf(firstId)).isEqualTo(1);
        assertThat(overdueEventsOf(secondId)).isEqualTo(1);
    }

    @Test
    void cancelledDebriefNeverFallsOverdue() {
        String site = "site-" + UUID.randomUUID();
        clock.pin(at("2026-11-20T21:41"));
        IncidentReported elopement = IncidentFeed.reported("ELOPEMENT", true, site, at("2026-11-20T21:40"));
        IncidentFeed.send(elopement);
        String id = awaitDebriefOf(elopement);
        given().auth().oauth2(TestTokens.supervisor("sup-x", site)).contentType("application/json")
                .body(Map.of("reason", "Reported in error"))
                .when().post("/api/debriefs/" + id + "/cancel").then().statusCode(200);

        clock.pin(at("2026-11-22T00:00"));
        check.markOverdue();

        assertThat(overdueEventsOf(id)).isZero();
    }

    private static long overdueEventsOf(String debriefId) {
        return eventsRecorded(HavenEvents.DEBRIEF_OVERDUE, "\"debriefId\":\"" + debriefId + "\"");
    }
}
