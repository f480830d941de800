package org.haven.wellness;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.haven.wellness.ReportedIncidents.awaitFollowUps;
import static org.haven.wellness.ReportedIncidents.critical;
import static org.haven.wellness.ReportedIncidents.minutesAgo;
import static org.haven.wellness.ReportedIncidents.send;
import static org.haven.wellness.ReportedIncidents.unique;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class WellnessAccessTest {

    static final List<String> READS = List.of("/api/followups", "/api/followups/" + UUID.randomUUID(), "/api/checkins",
            "/api/checkins/" + UUID.randomUUID(), "/api/checkins/instruments", "/api/staff/staff-ana/exposure", "/api/team/aggregates");
    static final List<String> WRITES = List.of("/api/followups/" + UUID.randomUUID() + "/held", "/api/checkins", "/api/conversations");

    @Test
    void everyEndpointWithoutATokenIsUnauthorizedAsProblem() {
        READS.forEach(path -> given().when().get(path).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer")));
        WRITES.forEach(path -> given().contentType("application/json").body("{}").when().post(path).then().statusCode(401)
                .contentType("application/problem+json"));
    }

    @Test
    void aTokenFromAnotherIssuerOrExpiredIsUnauthorized() {
        String expired = TestTokens.claims("staff-ana").claim("realm_access", java.util.Map.of("roles", List.of("staff")))
                .issuedAt(java.time.Instant.now().minusSeconds(3600)).expiresAt(java.time.Instant.now().minusSeconds(1800)).sign();
        String foreign = TestTokens.claims("staff-ana").issuer("https://elsewhere.example.com")
                .claim("realm_access", java.util.Map.of("roles", List.of("staff"))).sign();
        given().auth().oauth2(expired).when().get("/api/checkins").then().statusCode(401);
        given().auth().oauth2(foreign).when().get("/api/checkins").then().statusCode(401);
    }

    @Test
    void adminsSeeNoFollowUpsCheckInsExposureOrAggregates() {
        String admin = TestTokens.admin("admin");
        READS.forEach(path -> given().auth().oauth2(admin).when().get(path).then().statusCode(403)
                .contentType("application/problem+json"));
        WRITES.forEach(path -> given().auth().oauth2(admin).contentType("application/json").body("{}").when().post(path)
                .then().statusCode(403));
    }

    @Test
    void onlyDirectorsReadTeamAggregates() {
        given().auth().oauth2(DirectoryTokens.staff("staff-ana", "site-north")).when().get("/api/team/aggregates").then().statusCode(403);
        given().auth().oauth2(DirectoryTokens.supervisor("sup-north", "site-north")).when().get("/api/team/aggregates").then().statusCode(403);
        given().auth().oauth2(DirectoryTokens.director("dir-1", "site-north")).when().get("/api/team/aggregates").then().statusCode(200);
    }

    @Test
    void supervisorSeesFollowUpStatusOfTheirSitesOnly() {
        IncidentReported inA = critical(unique("site-a"), minutesAgo(30), unique("ana"), List.of(), List.of());
        IncidentReported inB = critical(unique("site-b"), minutesAgo(30), unique("ben"), List.of(), List.of());
        send(inA);
        send(inB);
        awaitFollowUps(inA, 3);
        awaitFollowUps(inB, 3);
        String supervisorOfA = DirectoryTokens.supervisor("sup-a", inA.siteId());
        String followUpOfB = CheckIns.followUpOf(inB, inB.reporterId(), "SELF_CHECK_IN_72H");
        String missing = UUID.randomUUID().toString();

        String notVisible = given().auth().oauth2(supervisorOfA).when().get("/api/followups/" + followUpOfB)
                .then().statusCode(404).contentType("application/problem+json").extract().path("detail");
        String absent = given().auth().oauth2(supervisorOfA).when().get("/api/followups/" + missing)
                .then().statusCode(404).extract().path("detail");
        assertThat(notVisible.replace(followUpOfB, "ID")).isEqualTo(absent.replace(missing, "ID"));
        given().auth().oauth2(supervisorOfA).queryParam("size", 200).when().get("/api/followups")
                .then().statusCode(200).body("items.siteId", everyItem(equalTo(inA.siteId())))
                .body("items.incidentId", hasItem(inA.incidentId().toString()));
        given().auth().oauth2(supervisorOfA).queryParam("site", inB.siteId()).when().get("/api/followups")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(supervisorOfA).contentType("application/json").when().post("/api/followups/" + followUpOfB + "/held")
                .then().statusCode(404);
    }

    @Test
    void staffAndDirectorsSeeOnlyTheirOwnFollowUps() {
        String site = unique("site");
        String ana = unique("ana");
        String ben = unique("ben");
        IncidentReported incident = critical(site, minutesAgo(30), ana, List.of(ben), List.of());
        send(incident);
        awaitFollowUps(incident, 6);
        String bensFollowUp = CheckIns.followUpOf(incident, ben, "SELF_CHECK_IN_72H");

        given().auth().oauth2(DirectoryTokens.staff(ana, site)).queryParam("incidentId", incident.incidentId().toString())
                .when().get("/api/followups").then().statusCode(200).body("total", equalTo(3))
                .body("items.staffId", everyItem(equalTo(ana)));
        given().auth().oauth2(DirectoryTokens.staff(ana, site)).when().get("/api/followups/" + bensFollowUp).then().statusCode(404);
        given().auth().oauth2(DirectoryTokens.director("dir-1", site)).queryParam("site", site).when().get("/api/followups")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(DirectoryTokens.director("dir-1", site)).when().get("/api/followups/" + bensFollowUp).then().statusCode(404);
    }

    @Test
    void supervisorRecordsOnlyThatTheSameDayCheckInHappened() {
        IncidentReported incident = critical(unique("site"), minutesAgo(30), unique("cy"), List.of(), List.of());
        send(incident);
        awaitFollowUps(incident, 3);
        String conversation = CheckIns.followUpOf(incident, incident.reporterId(), "SUPERVISOR_CHECK_IN");
        String selfCheckIn = CheckIns.followUpOf(incident, incident.reporterId(), "SELF_CHECK_IN_72H");
        String supervisor = DirectoryTokens.supervisor("sup-x", incident.siteId());

        given().auth().oauth2(DirectoryTokens.staff(incident.reporterId(), incident.siteId())).when().post("/api/followups/" + conversation + "/held")
                .then().statusCode(403);
        given().auth().oauth2(supervisor).contentType("application/json").when().post("/api/followups/" + selfCheckIn + "/held").then().statusCode(403);
        given().auth().oauth2(supervisor).contentType("application/json").when().post("/api/followups/" + conversation + "/held")
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("completedAt", not(equalTo(null)));
        given().auth().oauth2(supervisor).when().get("/api/followups/" + selfCheckIn).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void exposureIsReadableByThePersonThemselfOnly() {
        String site = "site-north";
        given().auth().oauth2(DirectoryTokens.staff("staff-ana", site)).when().get("/api/staff/staff-ana/exposure").then().statusCode(200);
        given().auth().oauth2(DirectoryTokens.staff("staff-ben", site)).when().get("/api/staff/staff-ana/exposure")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(DirectoryTokens.supervisor("sup-north", site)).when().get("/api/staff/staff-ana/exposure").then().statusCode(403);
        given().auth().oauth2(DirectoryTokens.director("dir-1", site)).when().get("/api/staff/staff-ana/exposure").then().statusCode(403);
    }

    @Test
    void healthAndMetricsStayOpenAndResponsesCarrySecurityHeaders() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/api/checkins").then().statusCode(401)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");
    }
}
