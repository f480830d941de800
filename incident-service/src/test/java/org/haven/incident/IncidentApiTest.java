package org.haven.incident;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.haven.testing.TestTime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class IncidentApiTest {

    private static String reportAt(String site, String type, String severity, Instant occurredAt) {
        String body = IncidentReportingTest.report(type, severity, site)
                .replaceFirst("\"occurredAt\":\"[^\"]+\"", "\"occurredAt\":\"" + occurredAt + "\"");
        return IncidentReportingTest.asReporter(site).contentType("application/json").body(body)
                .when().post("/api/incidents").then().statusCode(201).extract().path("id");
    }

    @Test
    void listFiltersBySiteTypeCriticalAndOccurrenceWindowWithPaging() {
        String site = "site-" + UUID.randomUUID();
        Instant now = TestTime.now().truncatedTo(ChronoUnit.SECONDS);
        String old = reportAt(site, "SUBSTANCE_USE", "LOW", now.minus(3, ChronoUnit.DAYS));
        String first = reportAt(site, "SUBSTANCE_USE", "LOW", now.minus(2, ChronoUnit.HOURS));
        String second = reportAt(site, "SUBSTANCE_USE", "LOW", now.minus(1, ChronoUnit.HOURS));
        String third = reportAt(site, "SUBSTANCE_USE", "LOW", now.minus(30, ChronoUnit.MINUTES));
        reportAt(site, "ELOPEMENT", "HIGH", now.minus(20, ChronoUnit.MINUTES));
        String supervisor = TestTokens.supervisor("sup-a", site);

        given().auth().oauth2(supervisor)
                .queryParam("site", site).queryParam("type", "SUBSTANCE_USE").queryParam("critical", false)
                .queryParam("from", now.minus(1, ChronoUnit.DAYS).toString()).queryParam("to", now.toString())
                .queryParam("size", 2).queryParam("page", 0)
                .when().get("/api/incidents")
                .then().statusCode(200).body("total", equalTo(3)).body("items.id", equalTo(List.of(third, second)));
        given().auth().oauth2(supervisor)
                .queryParam("site", site).queryParam("type", "SUBSTANCE_USE").queryParam("critical", false)
                .queryParam("from", now.minus(1, ChronoUnit.DAYS).toString()).queryParam("to", now.toString())
                .queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/incidents")
                .then().statusCode(200).body("total", equalTo(3)).body("items.id", equalTo(List.of(first)));
        given().auth().oauth2(supervisor).queryParam("site", site).queryParam("critical", true)
                .when().get("/api/incidents").then().statusCode(200).body("total", equalTo(1)).body("items[0].type", equalTo("ELOPEMENT"));
        given().auth().oauth2(supervisor).queryParam("site", site).queryParam("to", now.minus(2, ChronoUnit.DAYS).toString())
                .when().get("/api/incidents").then().statusCode(200).body("items.id", equalTo(List.of(old)));
    }

    @Test
    void badFilterValuesAreNamed() {
        given().auth().oauth2(TestTokens.supervisor("sup-a", "site-a")).queryParam("from", "yesterday").queryParam("size", 0)
                .when().get("/api/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("from")).body("errors.field", hasItem("size"));
    }

    @Test
    void oversizeBodyIsRefusedWith413Problem() {
        String site = "site-" + UUID.randomUUID();
        String huge = IncidentReportingTest.report("OTHER", "LOW", site)
                .replace("Client did not return from school", "x".repeat(300 * 1024));
        IncidentReportingTest.asReporter(site).contentType("application/json").body(huge)
                .when().post("/api/incidents")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void unknownContentTypeIsRefusedWith415Problem() {
        String site = "site-" + UUID.randomUUID();
        IncidentReportingTest.asReporter(site).contentType("text/csv").body("siteId,type\n" + site + ",OTHER")
                .when().post("/api/incidents")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void scriptInTheNarrativeIsStoredAndReturnedAsPlainText() {
        String site = "site-" + UUID.randomUUID();
        String script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        String body = IncidentReportingTest.report("OTHER", "LOW", site).replace("Client did not return from school", script.replace("'", "\\u0027"));
        String id = IncidentReportingTest.asReporter(site).contentType("application/json").body(body)
                .when().post("/api/incidents").then().statusCode(201).extract().path("id");
        IncidentReportingTest.asReporter(site).when().get("/api/incidents/" + id)
                .then().statusCode(200).contentType("application/json")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body("summary", equalTo(script));
    }

    @Test
    void openApiDocumentDescribesTheIncidentApi() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/incidents"))
                .body("paths", hasKey("/api/incidents/{id}/amendments"))
                .body("paths", hasKey("/api/incidents/{id}/checklist/{itemId}/done"));
    }
}
