package org.haven.incident;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** "Not in the future" means the service's own now, the clock its deadlines run on, not the machine's. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class ReportTimeTest {

    private static final Instant SERVICE_NOW = Instant.parse("2026-03-08T06:30:00Z");

    @Inject
    AdjustableClock clock;

    @AfterEach
    void realTime() {
        clock.release();
    }

    private static String reportAt(String site, Instant occurred) {
        Colleagues.hire(site, "staff-ana");
        return """
                {"siteId":"%s","type":"PROPERTY_DAMAGE","severity":"LOW","occurredAt":"%s","summary":"A window was broken",
                 "reporterId":"staff-ana","involvedStaffIds":["staff-ana"],"witnessIds":[]}"""
                .formatted(site, occurred);
    }

    @Test
    void aReportDatedAfterTheServicesNowIsRefusedThoughTheMachinesClockHasPassedIt() {
        String site = "site-" + UUID.randomUUID();
        clock.pin(SERVICE_NOW);

        given().auth().oauth2(TestTokens.staff("staff-ana", site)).contentType("application/json")
                .body(reportAt(site, SERVICE_NOW.plusSeconds(3600)))
                .when().post("/api/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("occurredAt"));
        given().auth().oauth2(TestTokens.supervisor("sup", site)).when().get("/api/incidents?site=" + site)
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aReportDatedAtTheServicesNowIsTaken() {
        String site = "site-" + UUID.randomUUID();
        clock.pin(SERVICE_NOW);

        given().auth().oauth2(TestTokens.staff("staff-ana", site)).contentType("application/json")
                .body(reportAt(site, SERVICE_NOW.minusSeconds(60)))
                .when().post("/api/incidents")
                .then().statusCode(201);
    }
}
