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

    @Test
    void adminReplacesAPersonsWorkingWeek() {
        Team.Member ana = Team.create(directory).staff().get(0);
        String path = "/api/directory/people/" + ana.id() + "/work-shifts";
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("""
                        {"timeZone": "Europe/London", "shifts": [
                          {"day": "MONDAY", "start": "07:00", "end": "15:00"},
                          {"day": "FRIDAY", "start": "22:00", "end": "06:00"}]}""")
                .when().put(path).then().statusCode(200).body("shifts", hasSize(2));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"timeZone\": \"UTC\", \"shifts\": [{\"day\": \"SUNDAY\", \"start\": \"08:00\", \"end\": \"12:30\"}]}")
                .when().put(path).then().statusCode(200);

        given().auth().oauth2(ADMIN).when().get(path).then().statusCode(200)
                .body("personId", equalTo(ana.id()))
                .body("shifts.day", equalTo(List.of("SUNDAY")))
                .body("shifts[0].start", equalTo("08:00:00"))
                .body("shifts[0].end", equalTo("12:30:00"))
                .body("shifts[0].timeZone", equalTo("UTC"));
    }

    @Test
    void invalidWorkingWeeksAreRefusedAsProblemsAndChangeNothing() {
        Team.Member ben = Team.create(directory).staff().get(1);
        String path = "/api/directory/people/" + ben.id() + "/work-shifts";
        for (String body : List.of(
                "{\"timeZone\": \"Mars/Olympus\", \"shifts\": []}",
                "{\"timeZone\": \"UTC\", \"shifts\": [{\"day\": \"MONDAY\", \"start\": \"09:00\", \"end\": \"09:00\"}]}",
                "{\"timeZone\": \"UTC\", \"shifts\": [{\"day\": \"FUNDAY\", \"start\": \"09:00\", \"end\": \"17:00\"}]}",
                "{\"timeZone\": \"UTC\", \"shifts\": [{\"day\": \"MONDAY\", \"start\": \"25:00\", \"end\": \"17:00\"}]}",
                "{\"timeZone\": \"UTC\"}")) {
            given().auth().oauth2(ADMIN).contentType("application/json").body(body)
                    .when().put(path).then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(ADMIN).when().get(path).then().statusCode(200).body("shifts", hasSize(0));
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"timeZone\": \"UTC\", \"shifts\": []}")
                .when().put("/api/directory/people/nobody-here/work-shifts").then().statusCode(404);
    }

    @Test
    void onlyAdminsSetWorkingWeeks() {
        given().auth().oauth2(TestTokens.supervisor("sup-north", "site-north")).contentType("application/json")
                .body("{\"timeZone\": \"UTC\", \"shifts\": []}")
                .when().put("/api/directory/people/staff-ana/work-shifts").then().statusCode(403);
    }

    @Test
    void demoPeopleHaveTheirShiftsFromTheSeed() {
        given().auth().oauth2(ADMIN).when().get("/api/directory/people/staff-ana/work-shifts").then().statusCode(200)
                .body("shifts", hasSize(7)).body("shifts[0].start", equalTo("07:00:00")).body("shifts[0].timeZone", equalTo("UTC"));
    }
}
