package org.haven.incident;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class IncidentAccessTest {

    @Inject
    EntityManager entityManager;

    private static String reportAt(String site, String reporter) {
        return given().auth().oauth2(TestTokens.staff(reporter, site)).contentType("application/json")
                .body(IncidentReportingTest.report("ELOPEMENT", "HIGH", site).replace("\"reporterId\":\"staff-ana\"", "\"reporterId\":\"" + reporter + "\""))
                .when().post("/api/incidents").then().statusCode(201).extract().path("id");
    }

    @Test
    void noTokenIsUnauthorizedAsProblem() {
        given().when().get("/api/incidents")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
        given().contentType("application/json").body(IncidentReportingTest.report("ELOPEMENT", "HIGH", "site-a"))
                .when().post("/api/incidents").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void adminsCannotReadOrReportIncidents() {
        given().auth().oauth2(TestTokens.admin("admin-1")).when().get("/api/incidents")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin("admin-1")).contentType("application/json")
                .body(IncidentReportingTest.report("ELOPEMENT", "HIGH", "site-a"))
                .when().post("/api/incidents").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void staffCannotReportForASiteTheyDoNotBelongTo() {
        given().auth().oauth2(TestTokens.staff("staff-ana", "site-a")).contentType("application/json")
                .body(IncidentReportingTest.report("ELOPEMENT", "HIGH", "site-b"))
                .when().post("/api/incidents").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void staffCannotReportInSomeoneElsesName() {
        given().auth().oauth2(TestTokens.staff("staff-zoe", "site-a")).contentType("application/json")
                .body(IncidentReportingTest.report("ELOPEMENT", "HIGH", "site-a"))
                .when().post("/api/incidents").then().statusCode(403);
    }

    @Test
    void supervisorOfOneSiteNeverSeesAnotherSitesIncidents() {
        String siteA = "site-a-" + UUID.randomUUID();
        String siteB = "site-b-" + UUID.randomUUID();
        String inA = reportAt(siteA, "staff-ana");
        String inB = reportAt(siteB, "staff-ana");
        String supervisorOfA = TestTokens.supervisor("sup-a", siteA);

        given().auth().oauth2(supervisorOfA).when().get("/api/incidents/" + inA).then().statusCode(200);
        given().auth().oauth2(supervisorOfA).when().get("/api/incidents/" + inB)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(supervisorOfA).when().get("/api/incidents")
                .then().statusCode(200).body("items.id", hasItem(inA)).body("items.id", not(hasItem(inB)))
                .body("items.siteId", everyItem(equalTo(siteA)));
        given().auth().oauth2(supervisorOfA).queryParam("site", siteB).when().get("/api/incidents")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void directorSeesEverySiteOfTheirProgramOnly() {
        String siteA = "site-a-" + UUID.randomUUID();
        String siteB = "site-b-" + UUID.randomUUID();
        String siteC = "site-c-" + UUID.randomUUID();
        String inA = reportAt(siteA, "staff-ana");
        String inB = reportAt(siteB, "staff-ana");
        String inC = reportAt(siteC, "staff-ana");

        given().auth().oauth2(TestTokens.director("dir-1", siteA, siteB)).queryParam("size", 100).when().get("/api/incidents")
                .then().statusCode(200).body("items.id", hasItem(inA)).body("items.id", hasItem(inB)).body("items.id", not(hasItem(inC)));
        given().auth().oauth2(TestTokens.director("dir-1", siteA, siteB)).when().get("/api/incidents/" + inC).then().statusCode(404);
    }

    @Test
    void staffSeeTheirOwnReportsOnly() {
        String site = "site-" + UUID.randomUUID();
        String mine = reportAt(site, "staff-ana");
        String theirs = reportAt(site, "staff-ben");

        given().auth().oauth2(TestTokens.staff("staff-ana", site)).when().get("/api/incidents/" + theirs).then().statusCode(404);
        given().auth().oauth2(TestTokens.staff("staff-ana", site)).when().get("/api/incidents")
                .then().statusCode(200).body("items.id", hasItem(mine)).body("items.id", not(hasItem(theirs)));
    }

    @Test
    void everyReadAndReportIsAuditedForAdmins() {
        String site = "site-" + UUID.randomUUID();
        String id = reportAt(site, "staff-ana");
        given().auth().oauth2(TestTokens.supervisor("sup-a", site)).when().get("/api/incidents/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.supervisor("sup-a", site)).when().get("/api/incidents").then().statusCode(200);

        given().auth().oauth2(TestTokens.admin("admin-1")).queryParam("incidentId", id).when().get("/api/audit")
                .then().statusCode(200)
                .body("items.action", equalTo(List.of("REPORTED", "VIEWED", "LISTED")))
                .body("items.actorId", equalTo(List.of("staff-ana", "sup-a", "sup-a")));
        given().auth().oauth2(TestTokens.supervisor("sup-a", site)).when().get("/api/audit").then().statusCode(403);
    }

    @Test
    void theChecklistAndAnIdempotentReplayAreAuditedAsReadsLikeEveryOtherAnswerWithTheReport() {
        String site = "site-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String body = IncidentReportingTest.report("ELOPEMENT", "HIGH", site);
        String id = IncidentReportingTest.asReporter(site).contentType("application/json").header("Idempotency-Key", key).body(body)
                .when().post("/api/incidents").then().statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.supervisor("sup-a", site)).contentType("application/json").header("Idempotency-Key", key)
                .body(body).when().post("/api/incidents")
                .then().statusCode(200).body("id", equalTo(id)).body("summary", equalTo("Client did not return from school"));
        given().auth().oauth2(TestTokens.supervisor("sup-b", site)).when().get("/api/incidents/" + id + "/checklist").then().statusCode(200);

        given().auth().oauth2(TestTokens.admin("admin-1")).queryParam("incidentId", id).when().get("/api/audit")
                .then().statusCode(200)
                .body("items.action", equalTo(List.of("REPORTED", "VIEWED", "VIEWED")))
                .body("items.actorId", equalTo(List.of("staff-ana", "sup-a", "sup-b")));
    }

    @Test
    void theAuditTrailCannotBeEditedEvenWithSql() {
        String site = "site-" + UUID.randomUUID();
        String id = reportAt(site, "staff-ana");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE incident_audit SET actor_id = 'someone-else' WHERE incident_id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM incident_audit WHERE incident_id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate()))
                .hasStackTraceContaining("append-only");
        Number count = (Number) QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT count(*) FROM incident_audit WHERE incident_id = ?1").setParameter(1, UUID.fromString(id))
                .getSingleResult());
        assertThat(count.longValue()).isEqualTo(1);
    }

    @Test
    void amendmentsAndChecklistNeedATokenAndARole() {
        String site = "site-" + UUID.randomUUID();
        String id = reportAt(site, "staff-ana");
        String item = UUID.randomUUID().toString();
        String amendment = "{\"reason\":\"r\",\"correction\":\"c\"}";

        given().when().get("/api/incidents/" + id + "/amendments").then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body(amendment).when().post("/api/incidents/" + id + "/amendments")
                .then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/incidents/" + id + "/checklist").then().statusCode(401).contentType("application/problem+json");
        given().when().post("/api/incidents/" + id + "/checklist/" + item + "/done").then().statusCode(401);

        String admin = TestTokens.admin("admin-1");
        given().auth().oauth2(admin).when().get("/api/incidents/" + id + "/amendments").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType("application/json").body(amendment).when().post("/api/incidents/" + id + "/amendments")
                .then().statusCode(403);
        given().auth().oauth2(admin).when().get("/api/incidents/" + id + "/checklist").then().statusCode(403);
        given().auth().oauth2(admin).when().post("/api/incidents/" + id + "/checklist/" + item + "/done").then().statusCode(403);
    }

    @Test
    void anotherSitesAmendmentsAndChecklistAnswerLikeAMissingIncident() {
        String siteA = "site-a-" + UUID.randomUUID();
        String siteB = "site-b-" + UUID.randomUUID();
        String inB = reportAt(siteB, "staff-ana");
        String itemOfB = given().auth().oauth2(TestTokens.staff("staff-ana", siteB)).when().get("/api/incidents/" + inB + "/checklist")
                .then().statusCode(200).extract().path("[0].id");
        String supervisorOfA = TestTokens.supervisor("sup-a", siteA);
        String missing = given().auth().oauth2(supervisorOfA).when().get("/api/incidents/" + UUID.randomUUID() + "/checklist")
                .then().statusCode(404).extract().path("title");

        given().auth().oauth2(supervisorOfA).when().get("/api/incidents/" + inB + "/amendments").then().statusCode(404).body("title", equalTo(missing));
        given().auth().oauth2(supervisorOfA).contentType("application/json").body("{\"reason\":\"r\",\"correction\":\"c\"}")
                .when().post("/api/incidents/" + inB + "/amendments").then().statusCode(404);
        given().auth().oauth2(supervisorOfA).when().get("/api/incidents/" + inB + "/checklist").then().statusCode(404);
        given().auth().oauth2(supervisorOfA).when().post("/api/incidents/" + inB + "/checklist/" + itemOfB + "/done").then().statusCode(404);
        given().auth().oauth2(TestTokens.staff("staff-ben", siteB)).when().post("/api/incidents/" + inB + "/checklist/" + itemOfB + "/done")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.staff("staff-ben", siteB)).when().get("/api/incidents/" + inB + "/amendments").then().statusCode(404);
    }

    @Test
    void healthAndMetricsStayOpenForProbes() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        given().when().get("/api/incidents").then()
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");
    }
}
