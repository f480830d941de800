package org.haven.notification;

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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class DirectoryAdminTest {

    private static final String ADMIN = TestTokens.admin("admin");

    private static void put(String path, String body) {
        given().auth().oauth2(TestTokens.admin("admin")).contentType("application/json").body(body)
                .when().put(path).then().statusCode(200);
    }

    @Test
    void adminSetsUpASiteWithPeopleRotaAndEscalationChain() {
        String site = "site-" + UUID.randomUUID().toString().substring(0, 8);
        String day = site + "-day";
        String night = site + "-night";
        String backup = site + "-backup";
        put("/api/directory/sites/" + site, "{\"name\":\"Birch House\",\"timeZone\":\"America/Chicago\"}");
        for (String person : List.of(day, night, backup)) {
            put("/api/directory/people/" + person, "{\"displayName\":\"" + person + "\",\"email\":\"" + person + "@haven.example\",\"phone\":\"+15550100099\"}");
            put("/api/directory/sites/" + site + "/members/" + person + "/SUPERVISOR", "");
        }
        Instant now = TestTime.now();
        Instant handover = now.plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"personId\":\"" + day + "\",\"startsAt\":\"" + now.minus(1, ChronoUnit.HOURS) + "\",\"endsAt\":\"" + handover + "\"}")
                .when().post("/api/directory/sites/" + site + "/on-call").then().statusCode(201);
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"personId\":\"" + night + "\",\"startsAt\":\"" + handover + "\",\"endsAt\":\"" + handover.plus(12, ChronoUnit.HOURS) + "\"}")
                .when().post("/api/directory/sites/" + site + "/on-call").then().statusCode(201);
        put("/api/directory/sites/" + site + "/escalation", """
                {"repeats": 2, "levels": [
                  {"after": "PT0S", "target": "ON_CALL"},
                  {"after": "PT5M", "target": "PERSON", "personId": "%s"},
                  {"after": "PT10M", "target": "PROGRAM_DIRECTORS"}]}""".formatted(backup));

        String supervisor = TestTokens.supervisor(day, site);
        given().auth().oauth2(supervisor).when().get("/api/directory/sites/" + site + "/on-call")
                .then().statusCode(200)
                .body("onCallNow.id", equalTo(day))
                .body("rota.personId", equalTo(List.of(day, night)))
                .body("rota[1].startsAt", equalTo(handover.toString()));
        given().auth().oauth2(supervisor).when().get("/api/directory/sites/" + site + "/escalation")
                .then().statusCode(200)
                .body("repeats", equalTo(2)).body("siteDefault", equalTo(false))
                .body("levels.target", equalTo(List.of("ON_CALL", "PERSON", "PROGRAM_DIRECTORS")))
                .body("levels[1].personId", equalTo(backup));
        given().auth().oauth2(supervisor).when().get("/api/directory/sites/" + site)
                .then().statusCode(200).body("name", equalTo("Birch House")).body("timeZone", equalTo("America/Chicago"))
                .body("staff.personId", hasItem(night)).body("staff.find { it.personId == '" + day + "' }.phone", equalTo("+15550100099"));
    }

    @Test
    void siteWithoutChainEscalatesFromSupervisorsToProgramDirectors() {
        given().auth().oauth2(TestTokens.supervisor("sup-south", "site-south")).when().get("/api/directory/sites/site-south/on-call")
                .then().statusCode(200).body("onCallNow", nullValue());
        given().auth().oauth2(ADMIN).when().get("/api/directory/sites/site-south/escalation")
                .then().statusCode(200).body("levels.target", equalTo(List.of("ON_CALL", "SUPERVISORS", "PROGRAM_DIRECTORS")));
    }

    @Test
    void onlyAdminsChangeTheDirectory() {
        given().auth().oauth2(TestTokens.supervisor("sup-north", "site-north")).contentType("application/json")
                .body("{\"name\":\"Taken Over\",\"timeZone\":\"UTC\"}")
                .when().put("/api/directory/sites/site-north").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.director("dir-1", "site-north")).contentType("application/json")
                .body("{\"displayName\":\"X\",\"email\":\"x@haven.example\"}")
                .when().put("/api/directory/people/sup-north").then().statusCode(403);
        given().contentType("application/json").body("{\"name\":\"X\",\"timeZone\":\"UTC\"}")
                .when().put("/api/directory/sites/site-north").then().statusCode(401);
        given().auth().oauth2(TestTokens.supervisor("sup-north", "site-north")).when().get("/api/directory/people").then().statusCode(403);
    }

    @Test
    void supervisorsReadOnlyTheirOwnSites() {
        given().auth().oauth2(TestTokens.supervisor("sup-north", "site-north")).when().get("/api/directory/sites/site-south")
                .then().statusCode(404).contentType("application/problem+json").body("detail", equalTo("No site site-south"));
        given().auth().oauth2(TestTokens.supervisor("sup-north", "site-north")).when().get("/api/directory/sites/site-south/on-call")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.staff("staff-ana", "site-north")).when().get("/api/directory/sites/site-north").then().statusCode(403);
    }

    @Test
    void invalidDirectoryChangesAreRefusedAsProblems() {
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"displayName\":\"X\",\"email\":\"x@haven.example\",\"phone\":\"555-0100\"}")
                .when().put("/api/directory/people/someone").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"name\":\"X\",\"timeZone\":\"Mars/Olympus\"}")
                .when().put("/api/directory/sites/site-x").then().statusCode(400);
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"repeats\":0,\"levels\":[{\"after\":\"PT10M\",\"target\":\"SUPERVISORS\"},{\"after\":\"PT5M\",\"target\":\"PROGRAM_DIRECTORS\"}]}")
                .when().put("/api/directory/sites/site-north/escalation").then().statusCode(400);
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"personId\":\"nobody-" + UUID.randomUUID() + "\",\"startsAt\":\"2026-01-01T00:00:00Z\",\"endsAt\":\"2026-01-02T00:00:00Z\"}")
                .when().post("/api/directory/sites/site-north/on-call").then().statusCode(400)
                .body("errors.field", hasItem("personId"));
    }
}
