package org.haven.debrief;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.haven.debrief.DebriefsApi.awaitDebriefOf;

/** Who sees which debrief: supervisors and directors by site, staff only their own circles, admins none. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class DebriefAccessTest {

    static final Instant REPORTED_AT = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void noTokenIsUnauthorizedAsProblem() {
        given().when().get("/api/debriefs")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
        given().when().get("/api/debriefs/" + UUID.randomUUID()).then().statusCode(401);
        given().contentType("application/json").body(Map.of("reason", "x"))
                .when().post("/api/debriefs/" + UUID.randomUUID() + "/cancel").then().statusCode(401);
    }

    @Test
    void expiredTokenIsUnauthorized() {
        String expired = TestTokens.claims("sup-a").claim("realm_access", Map.of("roles", List.of("supervisor")))
                .claim("haven_sites", List.of("site-a")).issuedAt(1_000L).expiresAt(2_000L).sign();
        given().auth().oauth2(expired).when().get("/api/debriefs").then().statusCode(401);
    }

    @Test
    void adminsNeverReadDebriefs() {
        String admin = TestTokens.admin("admin");
        given().auth().oauth2(admin).when().get("/api/debriefs").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(admin).when().get("/api/debriefs/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void supervisorOfOneSiteNeverSeesAnotherSitesDebriefs() {
        String siteA = "site-a-" + UUID.randomUUID();
        String siteB = "site-b-" + UUID.randomUUID();
        IncidentReported inA = IncidentFeed.reported("ELOPEMENT", true, siteA, REPORTED_AT);
        IncidentReported inB = IncidentFeed.reported("ELOPEMENT", true, siteB, REPORTED_AT);
        IncidentFeed.send(inA);
        IncidentFeed.send(inB);
        String debriefA = awaitDebriefOf(inA);
        String debriefB = awaitDebriefOf(inB);
        String supervisorOfA = TestTokens.supervisor("sup-a", siteA);

        given().auth().oauth2(supervisorOfA).when().get("/api/debriefs/" + debriefA).then().statusCode(200);
        String otherSite = given().auth().oauth2(supervisorOfA).when().get("/api/debriefs/" + debriefB)
                .then().statusCode(404).contentType("application/problem+json").extract().path("detail");
        assertThat(otherSite).isEqualTo("No debrief " + debriefB);
        given().auth().oauth2(supervisorOfA).when().get("/api/debriefs")
                .then().statusCode(200).body("items.id", hasItem(debriefA)).body("items.id", not(hasItem(debriefB)))
                .body("items.siteId", everyItem(equalTo(siteA)));
        given().auth().oauth2(supervisorOfA).queryParam("site", siteB).when().get("/api/debriefs")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(supervisorOfA).contentType("application/json").body(Map.of("reason", "not mine"))
                .when().post("/api/debriefs/" + debriefB + "/cancel").then().statusCode(404);
    }

    @Test
    void directorSeesEverySiteOfTheProgram() {
        String siteA = "site-a-" + UUID.randomUUID();
        String siteB = "site-b-" + UUID.randomUUID();
        IncidentReported inA = IncidentFeed.reported("ELOPEMENT", true, siteA, REPORTED_AT);
        IncidentReported inB = IncidentFeed.reported("ELOPEMENT", true, siteB, REPORTED_AT);
        IncidentFeed.send(inA);
        IncidentFeed.send(inB);
        String debriefA = awaitDebriefOf(inA);
        String debriefB = awaitDebriefOf(inB);

        given().auth().oauth2(TestTokens.director("dir-1", siteA, siteB)).queryParam("size", 100).when().get("/api/debriefs")
                .then().statusCode(200).body("items.id", hasItem(debriefA)).body("items.id", hasItem(debriefB));
    }

    @Test
    void staffSeeOnlyTheDebriefsTheyTakePartIn() {
        String site = "site-" + UUID.randomUUID();
        String mine = "staff-" + UUID.randomUUID();
        IncidentReported withMe = IncidentFeed.reported("ELOPEMENT", true, site, REPORTED_AT, "r-" + mine, List.of(), List.of(mine));
        IncidentReported withoutMe = IncidentFeed.reported("ELOPEMENT", true, site, REPORTED_AT, "other-" + mine, List.of(), List.of());
        IncidentFeed.send(withMe);
        IncidentFeed.send(withoutMe);
        String myDebrief = awaitDebriefOf(withMe);
        String otherDebrief = awaitDebriefOf(withoutMe);
        String token = TestTokens.staff(mine, site);

        given().auth().oauth2(token).when().get("/api/debriefs/" + myDebrief).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/debriefs/" + otherDebrief).then().statusCode(404);
        given().auth().oauth2(token).when().get("/api/debriefs")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(myDebrief));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("reason", "x"))
                .when().post("/api/debriefs/" + myDebrief + "/cancel").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void healthAndMetricsStayOpenForProbes() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void responsesCarryTheSecurityHeaders() {
        given().when().get("/api/debriefs").then().statusCode(401)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");
    }
}
