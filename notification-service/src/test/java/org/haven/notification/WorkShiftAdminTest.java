package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.notification.domain.Directory;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class WorkShiftAdminTest {

    private static final String ADMIN = TestTokens.admin("admin");

    @Inject
    Directory directory;

    private static String path(String personId, String siteId) {
        return "/api/directory/people/" + personId + "/sites/" + siteId + "/work-pattern";
    }

    @Test
    void adminReplacesAPersonsPatternAtASiteReadInTheSitesZone() {
        Team team = Team.create(directory);
        String path = path(team.staff().get(0).id(), team.siteId());
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("""
                        {"weekly": [
                          {"day": "MONDAY", "start": "07:00", "end": "15:00"},
                          {"day": "FRIDAY", "start": "22:00", "end": "06:00"}]}""")
                .when().put(path).then().statusCode(200).body("weekly", hasSize(2));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("""
                        {"weekly": [{"day": "SUNDAY", "start": "08:00", "end": "12:30"}],
                         "exceptions": [{"date": "2026-03-08", "start": "00:00", "end": "00:00", "kind": "LEAVE"},
                                        {"date": "2026-03-10", "start": "18:00", "end": "22:00", "kind": "EXTRA"}]}""")
                .when().put(path).then().statusCode(200);

        given().auth().oauth2(ADMIN).when().get(path).then().statusCode(200)
                .body("personId", equalTo(team.staff().get(0).id()))
                .body("timeZone", equalTo("America/New_York"))
                .body("weekly.day", equalTo(List.of("SUNDAY")))
                .body("weekly[0].start", equalTo("08:00:00"))
                .body("weekly[0].end", equalTo("12:30:00"))
                .body("exceptions.kind", equalTo(List.of("LEAVE", "EXTRA")))
                .body("exceptions[1].date", equalTo("2026-03-10"));
    }

    @Test
    void invalidPatternsAreRefusedAsProblemsAndChangeNothing() {
        Team team = Team.create(directory);
        String path = path(team.staff().get(1).id(), team.siteId());
        for (String body : List.of(
                "{\"weekly\": [{\"day\": \"MONDAY\", \"start\": \"09:00\", \"end\": \"09:00\"}]}",
                "{\"weekly\": [{\"day\": \"FUNDAY\", \"start\": \"09:00\", \"end\": \"17:00\"}]}",
                "{\"weekly\": [{\"day\": \"MONDAY\", \"start\": \"25:00\", \"end\": \"17:00\"}]}",
                "{\"weekly\": [], \"exceptions\": [{\"date\": \"2026-03-10\", \"start\": \"09:00\", \"end\": \"09:00\", \"kind\": \"EXTRA\"}]}",
                "{\"weekly\": [], \"exceptions\": [{\"date\": \"2026-02-30\", \"start\": \"09:00\", \"end\": \"10:00\", \"kind\": \"LEAVE\"}]}",
                "{\"weekly\": [], \"exceptions\": [{\"date\": \"2026-03-10\", \"start\": \"09:00\", \"end\": \"10:00\", \"kind\": \"HOLIDAY\"}]}",
                "{}")) {
            given().auth().oauth2(ADMIN).contentType("application/json").body(body)
                    .when().put(path).then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(ADMIN).when().get(path).then().statusCode(200).body("weekly", hasSize(0)).body("exceptions", hasSize(0));
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"weekly\": []}")
                .when().put(path("nobody-here", team.siteId())).then().statusCode(404);
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"weekly\": []}")
                .when().put(path(team.staff().get(1).id(), "no-such-site")).then().statusCode(404);
    }

    @Test
    void onlyAdminsSetPatterns() {
        given().auth().oauth2(TestTokens.supervisor("sup-north", "site-north")).contentType("application/json")
                .body("{\"weekly\": []}")
                .when().put(path("staff-ana", "site-north")).then().statusCode(403);
    }

    @Test
    void demoPeopleHaveTheirShiftsFromTheSeedInTheirSitesZone() {
        given().auth().oauth2(ADMIN).when().get(path("staff-ana", "site-north")).then().statusCode(200)
                .body("weekly", hasSize(7)).body("weekly[0].start", equalTo("07:00:00")).body("timeZone", equalTo("America/New_York"));
    }
}
