package org.haven.debrief;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.haven.debrief.DebriefsApi.PATIENCE;
import static org.haven.debrief.DebriefsApi.asDirectorOf;
import static org.haven.debrief.IncidentFeed.reported;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class DebriefQueryTest {

    @Test
    void siteDebriefsAreListedMostUrgentFirstOnePageAtATime() {
        String site = "site-" + UUID.randomUUID();
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        // Three different teams, so three circles rather than one.
        IncidentFeed.send(reported("SELF_HARM", true, site, now, "staff-a", List.of(), List.of()));            // due now + 72 h
        IncidentFeed.send(reported("ELOPEMENT", true, site, now, "staff-b", List.of(), List.of()));            // due now + 24 h
        IncidentFeed.send(reported("RESTRAINT", true, site, now.minus(Duration.ofHours(1)), "staff-c", List.of(), List.of())); // now + 23 h
        IncidentFeed.send(reported("ELOPEMENT", true, "site-" + UUID.randomUUID(), now));                     // elsewhere

        await().atMost(PATIENCE).until(() -> asDirectorOf(site).queryParam("site", site).when().get("/api/debriefs")
                .then().statusCode(200).extract().<Integer>path("total"), equalTo(3));

        asDirectorOf(site).queryParam("site", site).queryParam("size", 2)
                .when().get("/api/debriefs")
                .then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items.incidentType", contains("RESTRAINT", "ELOPEMENT"));
        asDirectorOf(site).queryParam("site", site).queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/debriefs")
                .then().statusCode(200)
                .body("items.incidentType", contains("SELF_HARM"));
    }

    @Test
    void pageSizeAboveTheLimitIsRefusedAsProblem() {
        asDirectorOf("site-a").queryParam("size", 1000)
                .when().get("/api/debriefs")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void malformedIncidentIdIsRefusedAsProblem() {
        asDirectorOf("site-a").queryParam("incidentId", "not-a-uuid")
                .when().get("/api/debriefs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", equalTo("must be a UUID"));
    }

    @Test
    void unknownDebriefIsNotFoundAsProblem() {
        asDirectorOf("site-a").when().get("/api/debriefs/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void healthReportsKafkaAndDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("Database connections health check"));
    }
}
