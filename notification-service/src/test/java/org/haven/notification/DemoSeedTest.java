package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.haven.notification.persistence.DirectorySeed;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The demo seed goes in through the import (audited as the seed's, so it reached the other services as the same
 * organisation events), into an empty directory only, with every site's shifts in that site's own zone.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class DemoSeedTest {

    private static final String ADMIN = TestTokens.admin("seed-admin");

    @Inject
    DirectorySeed seed;

    @Test
    void theDemoWentInThroughTheImportAsTheSeedsAuditedChanges() {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (int page = 0; page < 20; page++) {
            List<Map<String, Object>> changes = given().auth().oauth2(ADMIN).queryParam("size", 200).queryParam("page", page)
                    .when().get("/api/directory/audit").then().statusCode(200).extract().jsonPath().getList("$");
            all.addAll(changes);
            if (changes.size() < 200) {
                break;
            }
        }
        List<Map<String, Object>> seeded = all.stream().filter(c -> "seed:demo".equals(c.get("changedBy"))).toList();

        assertThat(seeded).extracting(c -> c.get("subject")).contains("site/site-north", "person/sup-north", "person/staff-ana",
                "person/sup-north/site/site-north", "person/admin");
        assertThat(seeded).extracting(c -> c.get("action")).contains("person.import", "work-pattern.import", "administrator.add");
        given().auth().oauth2(ADMIN).when().get("/api/directory/people/admin").then().statusCode(200).body("administrator", equalTo(true));
        given().auth().oauth2(ADMIN).when().get("/api/directory/people/dir-1").then().statusCode(200)
                .body("roles.role", equalTo(List.of("FACILITATOR", "PROGRAM_DIRECTOR", "FACILITATOR", "PROGRAM_DIRECTOR")));
    }

    @Test
    void northHouseWorksNewYorkHoursOnEitherSideOfDaylightSaving() {
        for (String monday : List.of("2026-03-02", "2026-03-09")) {
            JsonPath week = given().auth().oauth2(ADMIN).when().get("/api/directory/sites/site-north/week?from=" + monday)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(week.getString("timeZone")).isEqualTo("America/New_York");
            assertThat(week.getList("days[0].working.findAll { it.personId == 'sup-north' }.start", String.class)).containsExactly("08:00:00");
            assertThat(week.getList("days[0].working.findAll { it.personId == 'sup-north' }.end", String.class)).containsExactly("16:00:00");
        }
    }

    @Test
    void theSeedFillsAnEmptyDirectoryOnlyAndNeverUndoesAnAdminsChange() {
        String person = "/api/directory/people/staff-cy";
        JsonPath was = given().auth().oauth2(ADMIN).when().get(person).then().statusCode(200).extract().jsonPath();
        String changed = "{\"displayName\":\"" + was.getString("displayName") + "\",\"email\":\"" + was.getString("email")
                + "\",\"phone\":\"+15550100999\"}";
        given().auth().oauth2(ADMIN).contentType("application/json").body(changed).when().put(person).then().statusCode(200);
        try {
            seed.load("demo");

            given().auth().oauth2(ADMIN).when().get(person).then().body("phone", equalTo("+15550100999"));
        } finally {
            given().auth().oauth2(ADMIN).contentType("application/json").body(changed.replace("+15550100999", was.getString("phone")))
                    .when().put(person).then().statusCode(200);
        }
    }
}
