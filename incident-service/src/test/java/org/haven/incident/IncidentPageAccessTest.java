package org.haven.incident;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The supervisor's incident page: only the site's supervisors and directors open it, and every opening is audited. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class IncidentPageAccessTest {

    private final String site = "site-" + UUID.randomUUID();

    private String elopement() {
        return IncidentReportingTest.asReporter(site).contentType("application/json")
                .body(IncidentReportingTest.report("ELOPEMENT", "HIGH", site))
                .when().post("/api/incidents").then().statusCode(201).extract().path("id");
    }

    @Test
    void theSitesSupervisorAndDirectorSeeWhatPoliceAskFirstAndWhoWasThere() {
        IncidentPages.site(site, "Cedar House", "America/New_York", "staff-ben", "Ben Okafor");
        String id = elopement();

        for (String token : List.of(TestTokens.supervisor("sup-a", site), TestTokens.director("dir-a", site, "site-other"))) {
            IncidentPages.open(id, token).statusCode(200).contentType(containsString("text/html"))
                    .header("Cache-Control", equalTo("no-store"))
                    .body(containsString("Client missing (elopement)"), containsString("Cedar House"),
                            containsString("School gate"), containsString("Blue hoodie, white trainers"),
                            containsString("Ben Okafor"), containsString("staff-cy"), containsString("Reported by"),
                            containsString(IncidentReportingTest.CLIENT_CODE), containsString("href=\"/app/logout\""));
        }
    }

    @Test
    void staffEvenTheReporterAndAdminsAreRefusedAndAnotherSitesSupervisorFindsNothing() {
        String id = elopement();

        IncidentPages.open(id, TestTokens.staff("staff-ana", site)).statusCode(403);
        IncidentPages.open(id, TestTokens.admin("admin-1")).statusCode(403);
        IncidentPages.open(id, TestTokens.supervisor("sup-b", "site-elsewhere")).statusCode(404);
        IncidentPages.open(UUID.randomUUID().toString(), TestTokens.supervisor("sup-a", site)).statusCode(404);
    }

    @Test
    void everyOpeningIsAuditedAsARead() {
        String id = elopement();
        IncidentPages.open(id, TestTokens.supervisor("sup-a", site)).statusCode(200);
        IncidentPages.open(id, TestTokens.director("dir-a", site)).statusCode(200);
        IncidentPages.open(id, TestTokens.supervisor("sup-b", "site-elsewhere")).statusCode(404);

        given().auth().oauth2(TestTokens.admin("admin-1")).queryParam("incidentId", id).when().get("/api/audit")
                .then().statusCode(200)
                .body("items.action", equalTo(List.of("REPORTED", "VIEWED", "VIEWED")))
                .body("items.actorId", equalTo(List.of("staff-ana", "sup-a", "dir-a")));
    }

    @Test
    void aLinkOpenedWithoutASessionSignsInAndComesBackToTheIncident() {
        String id = elopement();
        Response toProvider = given().redirects().follow(false).when().get(IncidentPages.path(id));

        toProvider.then().statusCode(302).header("Location", containsString("response_type=code"));
        String redirect = URLDecoder.decode(URI.create(toProvider.header("Location")).getRawQuery(), StandardCharsets.UTF_8);
        assertThat(redirect).as("the provider sends the browser back to the incident").contains("redirect_uri=")
                .containsPattern("redirect_uri=[^&]*/app/incidents/" + id);
    }
}
