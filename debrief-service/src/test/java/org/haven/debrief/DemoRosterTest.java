package org.haven.debrief;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.debrief.domain.DemoRoster;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The local run's demo roster (loaded at start only with haven.directory.seed=demo; off in tests, so seeded here by hand). */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class DemoRosterTest {

    @Inject
    DemoRoster demo;

    @Test
    void demoRosterGivesEachDemoSiteItsSupervisorFacilitatorsAndTwoWeeksOfShiftsOnce() {
        demo.seed(LocalDate.parse("2026-12-01"));
        demo.seed(LocalDate.parse("2026-12-01")); // a restart, or a second replica

        given().auth().oauth2(TestTokens.supervisor("sup-north", "site-north")).when().get("/api/roster/sites/site-north")
                .then().statusCode(200)
                .body("supervisorId", equalTo("sup-north"))
                .body("facilitatorIds", contains("dir-1", "staff-cy"));
        given().auth().oauth2(TestTokens.staff("staff-ana", "site-north"))
                .queryParam("from", "2026-12-01T00:00:00Z").queryParam("to", "2026-12-15T00:00:00Z")
                .when().get("/api/roster/staff/staff-ana/shifts")
                .then().statusCode(200).body("$", hasSize(14)).body("[0].startsAt", equalTo("2026-12-01T07:00:00Z"));
    }
}
