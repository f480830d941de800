package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.haven.testing.HavenInfrastructure;
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

/** CSV import of people and of the rota: a dry run lists every row's errors first; an import writes all rows or none. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class DirectoryImportTest {

    private static final String ADMIN = TestTokens.admin("import-admin");

    /** A fresh prefix, with a site of its own ({@code <prefix>-site}, New York) so the demo sites' staff stay as they are. */
    private static String prefix() {
        String p = "imp-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"name\":\"Elm House\",\"timeZone\":\"America/New_York\"}")
                .when().put("/api/directory/sites/" + p + "-site").then().statusCode(200);
        return p;
    }

    private static io.restassured.response.Response post(String kind, boolean dryRun, String csv) {
        return given().auth().oauth2(ADMIN).contentType("text/csv").body(csv).queryParam("dryRun", dryRun)
                .when().post("/api/directory/import/" + kind);
    }

    private static String badPeople(String p) {
        return """
                id,displayName,email,phone,preferredLanguage,roles
                %1$s-ok,"Lee, Jordan",lee@haven.example,+15550100401,en,FACILITATOR@%1$s-site
                %1$s-mail,Max Vale,not-an-email,,,
                %1$s-role,Noor Ali,noor@haven.example,,,CAPTAIN@%1$s-site;SUPERVISOR@site-atlantis
                """.formatted(p);
    }

    @Test
    void aDryRunListsEachRowsErrorsAndWritesNothing() {
        String p = prefix();

        JsonPath result = post("people", true, badPeople(p)).then().statusCode(200).extract().jsonPath();

        assertThat(result.getBoolean("valid")).isFalse();
        assertThat(result.getBoolean("written")).isFalse();
        assertThat(result.getList("rows.line", Integer.class)).containsExactly(2, 3, 4);
        assertThat(result.getList("rows[0].errors")).isEmpty();
        assertThat(result.getList("rows[1].errors.field", String.class)).containsExactly("email");
        assertThat(result.getList("rows[2].errors.field", String.class)).containsExactly("roles", "roles");
        given().auth().oauth2(ADMIN).when().get("/api/directory/people/" + p + "-ok").then().statusCode(404);
    }

    @Test
    void anImportWithAnyBadRowIsRefusedWholeNamingEachRowsField() {
        String p = prefix();

        post("people", false, badPeople(p)).then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("line 3: email")).body("errors.field", hasItem("line 4: roles"));

        given().auth().oauth2(ADMIN).when().get("/api/directory/people/" + p + "-ok").then().statusCode(404);
    }

    @Test
    void aCleanFileOfPeopleAndThenTheirRotaIsWrittenAuditedAndInTheSitesZone() {
        String p = prefix();
        String people = """
                id,displayName,email,phone,preferredLanguage,roles
                %1$s-a,"Lee, Jordan",lee@haven.example,+15550100401,en,FACILITATOR@%1$s-site
                %1$s-b,Max Vale,max@haven.example,,es,SUPERVISOR@%1$s-site;FACILITATOR@%1$s-site
                """.formatted(p);
        assertThat(post("people", true, people).then().statusCode(200).extract().jsonPath().getBoolean("valid")).isTrue();
        given().auth().oauth2(ADMIN).when().get("/api/directory/people/" + p + "-a").then().statusCode(404);

        post("people", false, people).then().statusCode(200).body("written", equalTo(true));

        given().auth().oauth2(ADMIN).when().get("/api/directory/people/" + p + "-a").then().statusCode(200)
                .body("displayName", equalTo("Lee, Jordan")).body("preferredLanguage", equalTo("en"))
                .body("roles", equalTo(List.of(Map.of("siteId", p + "-site", "role", "FACILITATOR"))));
        given().auth().oauth2(ADMIN).when().get("/api/directory/people/" + p + "-b").then().statusCode(200)
                .body("roles.role", equalTo(List.of("FACILITATOR", "SUPERVISOR")));

        String rota = """
                personId,siteId,day,start,end,kind
                %1$s-a,%1$s-site,MONDAY,07:00,15:00,
                %1$s-a,%1$s-site,TUESDAY,07:00,15:00,
                %1$s-a,%1$s-site,2026-03-10,07:00,15:00,LEAVE
                """.formatted(p);
        post("rota", false, rota).then().statusCode(200).body("written", equalTo(true));

        JsonPath week = given().auth().oauth2(ADMIN).when().get("/api/directory/sites/" + p + "-site/week?from=2026-03-09")
                .then().statusCode(200).extract().jsonPath();
        assertThat(week.getString("timeZone")).isEqualTo("America/New_York");
        assertThat(week.getList("days[0].working.findAll { it.personId == '" + p + "-a' }.start", String.class)).containsExactly("07:00:00");
        assertThat(week.getList("days[1].working.findAll { it.personId == '" + p + "-a' }")).isEmpty();
        List<Map<String, Object>> audit = given().auth().oauth2(ADMIN).queryParam("size", 200).when().get("/api/directory/audit")
                .then().extract().jsonPath().getList("$");
        assertThat(audit).filteredOn(c -> ((String) c.get("subject")).startsWith("person/" + p))
                .extracting(c -> c.get("action")).containsExactly("work-pattern.import", "person.import", "person.import");
        assertThat(audit).filteredOn(c -> ((String) c.get("subject")).startsWith("person/" + p))
                .allSatisfy(c -> assertThat(c).containsEntry("changedBy", "import-admin"));
    }

    @Test
    void aRotaDryRunNamesUnknownPeopleSitesDaysAndKinds() {
        String rota = """
                personId,siteId,day,start,end,kind
                nobody-here,site-north,MONDAY,07:00,15:00,
                staff-ana,site-atlantis,MONDAY,07:00,15:00,
                staff-ana,site-north,FUNDAY,07:00,15:00,
                staff-ana,site-north,MONDAY,7am,15:00,
                staff-ana,site-north,MONDAY,07:00,15:00,LEAVE
                staff-ana,site-north,2026-03-10,07:00,15:00,
                """;

        JsonPath result = post("rota", true, rota).then().statusCode(200).extract().jsonPath();

        assertThat(result.getBoolean("valid")).isFalse();
        assertThat(result.getList("rows.collect { it.errors.field }")).containsExactly(List.of("personId"), List.of("siteId"),
                List.of("day"), List.of("start"), List.of("kind"), List.of("kind"));
    }

    @Test
    void aFileThatIsNotCsvIsRefusedNamingTheFile() {
        post("people", true, "id,displayName\n\"never closed,x\n").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors.field", hasItem("file"));
    }
}
