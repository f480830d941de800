package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.events.IncidentReported;
import org.haven.notification.domain.Directory;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class AlertAccessTest {

    @Inject
    Directory directory;

    /** Raises an alert for a critical incident at a new site and returns that site and the alert's id. */
    private record Alerted(TestSite site, String alertId) {
    }

    private Alerted alertAtNewSite() {
        TestSite site = TestSite.withSupervisors(directory, 1);
        IncidentReported incident = IncidentFeed.elopement(site.id());
        IncidentFeed.publish(IncidentFeed.announce(incident));
        await().atMost(Duration.ofSeconds(30)).until(() -> AlertsApi.ofIncident(incident).size() == 1);
        return new Alerted(site, (String) AlertsApi.ofIncident(incident).get(0).get("id"));
    }

    @Test
    void noTokenIsUnauthorizedAsProblem() {
        for (String path : new String[] {"/api/alerts", "/api/alerts/" + UUID.randomUUID(), "/api/directory/sites"}) {
            given().when().get(path)
                    .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
        }
    }

    @Test
    void adminsReadNoAlertsAndStaffReadNoDirectory() {
        given().auth().oauth2(TestTokens.admin("admin-1")).when().get("/api/alerts")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin("admin-1")).when().get("/api/alerts/" + UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.staff("staff-ana", "site-north")).when().get("/api/directory/sites")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void supervisorOfOneSiteNeverSeesAnotherSitesAlerts() {
        Alerted a = alertAtNewSite();
        Alerted b = alertAtNewSite();
        String supervisorOfA = TestTokens.supervisor("sup-a", a.site().id());

        given().auth().oauth2(supervisorOfA).when().get("/api/alerts/" + a.alertId()).then().statusCode(200);
        String otherSite = given().auth().oauth2(supervisorOfA).when().get("/api/alerts/" + b.alertId())
                .then().statusCode(404).contentType("application/problem+json").extract().path("detail");
        assertThat(otherSite).isEqualTo("No alert " + b.alertId());
        given().auth().oauth2(supervisorOfA).queryParam("size", 100).when().get("/api/alerts")
                .then().statusCode(200).body("items.id", hasItem(a.alertId())).body("items.id", not(hasItem(b.alertId())))
                .body("items.siteId", everyItem(equalTo(a.site().id())));
        given().auth().oauth2(supervisorOfA).queryParam("site", b.site().id()).when().get("/api/alerts")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void directorSeesEverySiteOfTheirProgramOnly() {
        Alerted a = alertAtNewSite();
        Alerted b = alertAtNewSite();
        Alerted c = alertAtNewSite();
        String director = TestTokens.director("dir-1", a.site().id(), b.site().id());

        given().auth().oauth2(director).queryParam("size", 100).when().get("/api/alerts")
                .then().statusCode(200).body("items.id", hasItems(a.alertId(), b.alertId())).body("items.id", not(hasItem(c.alertId())));
        given().auth().oauth2(director).when().get("/api/alerts/" + c.alertId()).then().statusCode(404);
    }

    @Test
    void staffSeeOnlyAlertsAddressedToThem() {
        Alerted a = alertAtNewSite();
        String recipient = a.site().supervisor().id();

        given().auth().oauth2(TestTokens.staff(recipient, a.site().id())).when().get("/api/alerts/" + a.alertId()).then().statusCode(200);
        given().auth().oauth2(TestTokens.staff(recipient, a.site().id())).when().get("/api/alerts")
                .then().statusCode(200).body("items.recipientId", everyItem(equalTo(recipient))).body("items.id", hasItem(a.alertId()));
        given().auth().oauth2(TestTokens.staff("staff-ana", a.site().id())).when().get("/api/alerts/" + a.alertId()).then().statusCode(404);
        given().auth().oauth2(TestTokens.staff("staff-ana", a.site().id())).when().get("/api/alerts")
                .then().statusCode(200).body("items.id", not(hasItem(a.alertId())));
    }

    @Test
    void directoryReadsAreScopedToTheCallersSitesAndAdminsSeeAll() {
        given().auth().oauth2(TestTokens.supervisor("sup-north", "site-north")).when().get("/api/directory/sites")
                .then().statusCode(200).body("id", equalTo(java.util.List.of("site-north")));
        given().auth().oauth2(TestTokens.director("dir-1", "site-north", "site-south")).when().get("/api/directory/sites")
                .then().statusCode(200).body("id", hasItems("site-north", "site-south"));
        given().auth().oauth2(TestTokens.admin("admin")).when().get("/api/directory/sites")
                .then().statusCode(200).body("id", hasItems("site-north", "site-south"));
    }

    @Test
    void healthAndMetricsStayOpenForProbes() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        given().when().get("/api/alerts").then()
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");
    }
}
