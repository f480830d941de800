package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Cookies;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestSignIn;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * An empty directory: the console opens on its set-up, which makes the signed-in admin an administrator and never
 * overwrites; an alert no one can be routed to pages every administrator and shows as a banner.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
@TestProfile(EmptyDirectory.class)
class FirstRunTest {

    static final String ADMIN_ID = "admin-first";
    static final String ADMIN = TestTokens.admin(ADMIN_ID);

    static String setup(String siteId, String supervisorId, String timeZone) {
        return """
                {"site": {"id": "%s", "name": "Maple House", "timeZone": "%s", "jurisdiction": "us-generic"},
                 "supervisor": {"id": "%s", "displayName": "Rae Lind", "email": "rae.lind@haven.example", "phone": "+15550100200",
                                "preferredLanguage": "es"},
                 "you": {"displayName": "First Admin", "email": "first.admin@haven.example"}}""".formatted(siteId, timeZone, supervisorId);
    }

    /** Sets the directory up once (whichever test comes first); later calls find it done. */
    static void ensureSetUp() {
        int status = given().auth().oauth2(ADMIN).contentType("application/json").body(setup("site-maple", "sup-maple", "America/New_York"))
                .when().post("/api/directory/setup").then().extract().statusCode();
        assertThat(status).isIn(201, 409);
    }

    @Test
    void consoleOfAnEmptyDirectoryOpensOnTheSetUp() {
        Cookies session = TestSignIn.session("/app/console", ADMIN);
        boolean empty = given().auth().oauth2(ADMIN).when().get("/api/directory/setup").then().statusCode(200)
                .extract().jsonPath().getBoolean("needed");

        given().redirects().follow(false).cookies(session).when().get("/app/console")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("data-setup=\"" + empty + "\""), containsString("id=\"setup-form\""),
                        containsString("href=\"/app/logout\""));
    }

    @Test
    void setUpCreatesTheFirstSiteAndSupervisorAndMakesTheAdminAnAdministratorThenRefusesToOverwrite() {
        ensureSetUp();

        given().auth().oauth2(ADMIN).when().get("/api/directory/setup").then().statusCode(200).body("needed", equalTo(false));
        given().auth().oauth2(ADMIN).when().get("/api/directory/sites/site-maple").then().statusCode(200)
                .body("name", equalTo("Maple House")).body("timeZone", equalTo("America/New_York"))
                .body("jurisdiction", equalTo("us-generic"))
                .body("staff.find { it.personId == 'sup-maple' }.role", equalTo("SUPERVISOR"));
        given().auth().oauth2(ADMIN).when().get("/api/directory/people/" + ADMIN_ID).then().statusCode(200)
                .body("administrator", equalTo(true)).body("email", equalTo("first.admin@haven.example"));
        given().auth().oauth2(ADMIN).when().get("/api/directory/people/sup-maple").then().statusCode(200)
                .body("preferredLanguage", equalTo("es"));

        String again = setup("site-maple", "sup-maple", "Europe/Paris").replace("Maple House", "Overwritten");
        given().auth().oauth2(ADMIN).contentType("application/json").body(again)
                .when().post("/api/directory/setup").then().statusCode(409).contentType(containsString("application/problem+json"));
        given().auth().oauth2(ADMIN).contentType("application/json").body(setup("site-other", "sup-other", "Europe/Paris"))
                .when().post("/api/directory/setup").then().statusCode(409);
        given().auth().oauth2(ADMIN).when().get("/api/directory/sites/site-maple").then().statusCode(200)
                .body("name", equalTo("Maple House")).body("timeZone", equalTo("America/New_York"));
        given().auth().oauth2(ADMIN).when().get("/api/directory/sites").then().statusCode(200).body("id", equalTo(List.of("site-maple")));
        given().auth().oauth2(ADMIN).when().get("/api/directory/audit").then().statusCode(200)
                .body("action", hasItem("administrator.add")).body("changedBy", hasItem(ADMIN_ID));
    }

    @Test
    void setUpWithAnUnknownTimeZoneNamesTheFieldAndStoresNothing() {
        int sites = given().auth().oauth2(ADMIN).when().get("/api/directory/sites").then().extract().jsonPath().getList("id").size();

        given().auth().oauth2(ADMIN).contentType("application/json").body(setup("site-bad", "sup-bad", "Mars/Olympus"))
                .when().post("/api/directory/setup")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem(containsString("timeZone")));

        given().auth().oauth2(ADMIN).when().get("/api/directory/sites").then().body("id.size()", equalTo(sites));
        given().auth().oauth2(ADMIN).when().get("/api/directory/people/sup-bad").then().statusCode(404);
    }

    @Test
    void setUpIsForAdminsOnly() {
        given().auth().oauth2(TestTokens.supervisor("sup-maple", "site-maple")).contentType("application/json")
                .body(setup("site-x", "sup-x", "UTC")).when().post("/api/directory/setup").then().statusCode(403);
    }

    @Test
    void anUnroutableAlertPagesEveryAdministratorAndShowsAsABannerUntilSomeoneTakesCharge() {
        ensureSetUp();
        String nowhere = "site-nowhere-" + UUID.randomUUID().toString().substring(0, 8);
        IncidentReported incident = IncidentFeed.elopement(nowhere);

        IncidentFeed.publish(IncidentFeed.announce(incident));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(AlertsApi.ofIncident(incident))
                .anySatisfy(alert -> assertThat(alert).containsEntry("status", "UNROUTABLE"))
                .anySatisfy(alert -> assertThat(alert).containsEntry("recipientId", ADMIN_ID).containsEntry("status", "RAISED")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Mailbox.to("first.admin@haven.example"))
                .anySatisfy(mail -> assertThat(mail.subject()).endsWith(": Elopement")));

        List<Map<String, Object>> banner = given().auth().oauth2(ADMIN).when().get("/api/directory/unroutable")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(banner).anySatisfy(u -> assertThat(u).containsEntry("siteId", nowhere)
                .containsEntry("reason", "the site is not in the directory").containsEntry("administratorsPaged", 1));

        String director = TestTokens.director("dir-watch", nowhere);
        Cookies session = TestSignIn.session("/app/alerts", director);
        given().redirects().follow(false).cookies(session).header("X-Requested-With", "JavaScript")
                .when().get("/app/api/alerts/unroutable").then().statusCode(200)
                .body("siteId", hasItem(nowhere));
        given().redirects().follow(false).cookies(session).when().get("/app/alerts")
                .then().statusCode(200).body(containsString("id=\"unroutable\""));

        Object unroutableId = AlertsApi.ofIncident(incident).stream().filter(a -> "UNROUTABLE".equals(a.get("status")))
                .findFirst().orElseThrow().get("id");
        String adminAlert = (String) AlertsApi.ofIncident(incident).stream().filter(a -> ADMIN_ID.equals(a.get("recipientId")))
                .findFirst().orElseThrow().get("id");
        given().auth().oauth2(director).when().post("/api/alerts/" + adminAlert + "/ack").then().statusCode(200);
        assertThat(given().auth().oauth2(ADMIN).when().get("/api/directory/unroutable").then().statusCode(200)
                .extract().jsonPath().getList("alertId")).doesNotContain(unroutableId);
    }

    @Test
    void theConsoleApiTakesChangesOnlyFromThePageScript() {
        ensureSetUp();
        Cookies session = TestSignIn.session("/app/console", ADMIN);
        String site = "{\"name\":\"Maple House\",\"timeZone\":\"America/New_York\",\"jurisdiction\":\"us-generic\"}";

        given().redirects().follow(false).cookies(session).contentType("application/json").body(site)
                .when().put("/app/api/console/directory/sites/site-maple").then().statusCode(400);
        given().redirects().follow(false).cookies(session).header("X-Requested-With", "JavaScript").contentType("application/json")
                .body(site).when().put("/app/api/console/directory/sites/site-maple").then().statusCode(200)
                .body("name", equalTo("Maple House"));
    }
}
