package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookies;
import io.restassured.path.json.JsonPath;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestSignIn;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The admin console's directory: sites, people, roles, on-call edited and removed, the week view, every change audited. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class ConsoleDirectoryTest {

    private static final String ADMIN = TestTokens.admin("console-admin");

    private static String newSite(String zone) {
        String site = "site-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"name\":\"Cedar House\",\"timeZone\":\"" + zone + "\",\"jurisdiction\":\"us-generic\"}")
                .when().put("/api/directory/sites/" + site).then().statusCode(200);
        return site;
    }

    private static String newPerson(String site) {
        String person = site + "-p";
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"displayName\":\"Kit Moss\",\"email\":\"kit.moss@haven.example\",\"phone\":\"+15550100300\",\"preferredLanguage\":\"pt-BR\"}")
                .when().put("/api/directory/people/" + person).then().statusCode(200);
        return person;
    }

    private static List<Map<String, Object>> auditOf(String subjectStart) {
        List<Map<String, Object>> all = given().auth().oauth2(ADMIN).queryParam("size", 200).when().get("/api/directory/audit")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(c -> ((String) c.get("subject")).startsWith(subjectStart)).toList();
    }

    @Test
    void onCallShiftsAreAddedEditedAndRemovedAndEachChangeIsAudited() {
        String site = newSite("America/New_York");
        String person = newPerson(site);

        long id = given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"personId\":\"" + person + "\",\"startsAt\":\"2026-03-09T12:00:00Z\",\"endsAt\":\"2026-03-09T20:00:00Z\"}")
                .when().post("/api/directory/sites/" + site + "/on-call").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"personId\":\"" + person + "\",\"startsAt\":\"2026-03-09T13:00:00Z\",\"endsAt\":\"2026-03-09T21:00:00Z\"}")
                .when().put("/api/directory/sites/" + site + "/on-call/" + id).then().statusCode(200)
                .body("startsAt", equalTo("2026-03-09T13:00:00Z"));
        given().auth().oauth2(ADMIN).when().delete("/api/directory/sites/" + site + "/on-call/" + id).then().statusCode(204);
        given().auth().oauth2(ADMIN).when().delete("/api/directory/sites/" + site + "/on-call/" + id).then().statusCode(404);

        List<Map<String, Object>> changes = auditOf("site/" + site + "/on-call");
        assertThat(changes).extracting(c -> c.get("action")).containsExactly("on-call.remove", "on-call.change", "on-call.add");
        assertThat(changes).allSatisfy(c -> assertThat(c).containsEntry("changedBy", "console-admin"));
        Map<String, Object> change = changes.get(1);
        assertThat((Map<String, Object>) change.get("before")).containsEntry("startsAt", "2026-03-09T12:00:00Z");
        assertThat((Map<String, Object>) change.get("after")).containsEntry("startsAt", "2026-03-09T13:00:00Z");
        assertThat(changes.get(0).get("after")).isNull();
        assertThat(changes.get(2).get("before")).isNull();
    }

    @Test
    void badInputNamesTheFieldAndChangesNothing() {
        String site = newSite("America/Chicago");
        String person = newPerson(site);
        long id = given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"personId\":\"" + person + "\",\"startsAt\":\"2026-03-09T12:00:00Z\",\"endsAt\":\"2026-03-09T20:00:00Z\"}")
                .when().post("/api/directory/sites/" + site + "/on-call").then().statusCode(201).extract().jsonPath().getLong("id");
        int audited = auditOf("site/" + site).size();

        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"name\":\"Renamed\",\"timeZone\":\"Mars/Olympus\"}")
                .when().put("/api/directory/sites/" + site).then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors.field", hasItem(containsString("timeZone")));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"personId\":\"" + person + "\",\"startsAt\":\"2026-03-09T20:00:00Z\",\"endsAt\":\"2026-03-09T12:00:00Z\"}")
                .when().put("/api/directory/sites/" + site + "/on-call/" + id).then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors.field", hasItem("endsAt"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"personId\":\"nobody-" + site + "\",\"startsAt\":\"2026-03-09T12:00:00Z\",\"endsAt\":\"2026-03-09T20:00:00Z\"}")
                .when().post("/api/directory/sites/" + site + "/on-call").then().statusCode(400).body("errors.field", hasItem("personId"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"displayName\":\"Kit Moss\",\"email\":\"kit.moss@haven.example\",\"preferredLanguage\":\"Portuguese!\"}")
                .when().put("/api/directory/people/" + person).then().statusCode(400).body("errors.field", hasItem(containsString("preferredLanguage")));

        given().auth().oauth2(ADMIN).when().get("/api/directory/sites/" + site).then().body("name", equalTo("Cedar House"))
                .body("timeZone", equalTo("America/Chicago"));
        given().auth().oauth2(ADMIN).when().get("/api/directory/sites/" + site + "/week?from=2026-03-09").then()
                .body("days[0].onCall[0].start", equalTo("2026-03-09T07:00:00"));
        given().auth().oauth2(ADMIN).when().get("/api/directory/people/" + person).then().body("preferredLanguage", equalTo("pt-BR"));
        assertThat(auditOf("site/" + site)).hasSize(audited);
    }

    @Test
    void aPersonHasContactsALanguageAndRolesAtSites() {
        String site = newSite("Europe/London");
        String person = newPerson(site);

        given().auth().oauth2(ADMIN).when().put("/api/directory/sites/" + site + "/members/" + person + "/FACILITATOR").then().statusCode(200);
        given().auth().oauth2(ADMIN).when().put("/api/directory/sites/" + site + "/members/" + person + "/SUPERVISOR").then().statusCode(200);
        given().auth().oauth2(ADMIN).when().delete("/api/directory/sites/" + site + "/members/" + person + "/SUPERVISOR").then().statusCode(200);

        JsonPath detail = given().auth().oauth2(ADMIN).when().get("/api/directory/people/" + person).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("email")).isEqualTo("kit.moss@haven.example");
        assertThat(detail.getString("phone")).isEqualTo("+15550100300");
        assertThat(detail.getString("preferredLanguage")).isEqualTo("pt-BR");
        assertThat(detail.getList("roles")).containsExactly(Map.of("siteId", site, "role", "FACILITATOR"));
        assertThat(auditOf("person/" + person)).extracting(c -> c.get("action"))
                .containsExactly("role.remove", "role.assign", "role.assign", "person.put");
    }

    @Test
    void theWeekViewShowsWorkingTimeAndOnCallInTheSitesOwnZoneAcrossDaylightSaving() {
        String site = newSite("America/New_York");
        String person = newPerson(site);
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"weekly\":[{\"day\":\"MONDAY\",\"start\":\"07:00\",\"end\":\"15:00\"}],"
                        + "\"exceptions\":[{\"date\":\"2026-03-10\",\"start\":\"09:00\",\"end\":\"13:00\",\"kind\":\"EXTRA\"}]}")
                .when().put("/api/directory/people/" + person + "/sites/" + site + "/work-pattern").then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"personId\":\"" + person + "\",\"startsAt\":\"2026-03-09T12:00:00Z\",\"endsAt\":\"2026-03-09T20:00:00Z\"}")
                .when().post("/api/directory/sites/" + site + "/on-call").then().statusCode(201);

        // 2 March is before New York's change to summer time (8 March), 9 March after: 07:00 local either way.
        JsonPath before = given().auth().oauth2(ADMIN).when().get("/api/directory/sites/" + site + "/week?from=2026-03-02")
                .then().statusCode(200).extract().jsonPath();
        assertThat(before.getString("timeZone")).isEqualTo("America/New_York");
        assertThat(before.getString("days[0].day")).isEqualTo("MONDAY");
        assertThat(before.getString("days[0].working[0].start")).isEqualTo("07:00:00");
        JsonPath after = given().auth().oauth2(ADMIN).when().get("/api/directory/sites/" + site + "/week?from=2026-03-09")
                .then().statusCode(200).extract().jsonPath();
        assertThat(after.getString("days[0].working[0].start")).isEqualTo("07:00:00");
        assertThat(after.getString("days[0].working[0].end")).isEqualTo("15:00:00");
        assertThat(after.getString("days[0].onCall[0].start")).isEqualTo("2026-03-09T08:00:00");
        assertThat(after.getString("days[1].working[0].start")).isEqualTo("09:00:00");
        given().auth().oauth2(ADMIN).when().get("/api/directory/sites/" + site + "/week?from=9 March").then().statusCode(400)
                .body("errors.field", hasItem("from"));
    }

    @Test
    void theConsoleIsAPageForAdminsWithTheAlertsPagesLook() {
        Cookies session = TestSignIn.session("/app/console", ADMIN);
        given().redirects().follow(false).cookies(session).when().get("/app/console").then().statusCode(200)
                .body(containsString("/css/alerts.css"), containsString("name=\"viewport\""), containsString("id=\"site-form\""),
                        containsString("id=\"week\""), containsString("id=\"chain-form\""), containsString("id=\"import-form\""),
                        containsString("id=\"audit-list\""), containsString("FACILITATOR"));
        String js = given().when().get("/js/console.js").then().statusCode(200).extract().asString();
        assertThat(js).contains("X-Requested-With", "/on-call/", "/week", "/import/", "/audit").doesNotContain("innerHTML", "eval(");
        given().when().get("/css/console.css").then().statusCode(200).body(containsString("max-width: 100%"));

        Cookies supervisor = TestSignIn.session("/app/alerts", TestTokens.supervisor("sup-north", "site-north"));
        given().redirects().follow(false).cookies(supervisor).when().get("/app/console").then().statusCode(403)
                .body(not(containsString("site-form")));
    }
}
