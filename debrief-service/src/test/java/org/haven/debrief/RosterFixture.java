package org.haven.debrief;

import org.haven.testing.TestTokens;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Keeps a site's roster through the roster API, as an admin would. */
final class RosterFixture {

    private RosterFixture() {
    }

    static void supervisor(String site, String supervisorId) {
        given().auth().oauth2(TestTokens.admin("admin")).contentType("application/json")
                .body(Map.of("supervisorId", supervisorId))
                .when().put("/api/roster/sites/" + site + "/supervisor").then().statusCode(200);
    }

    static void facilitator(String site, String staffId) {
        given().auth().oauth2(TestTokens.admin("admin"))
                .when().put("/api/roster/sites/" + site + "/facilitators/" + staffId).then().statusCode(200);
    }

    static void removeFacilitator(String site, String staffId) {
        given().auth().oauth2(TestTokens.admin("admin"))
                .when().delete("/api/roster/sites/" + site + "/facilitators/" + staffId).then().statusCode(200);
    }

    /** A shift in UTC, written as "2026-11-21T07:00". */
    static String shift(String site, String staffId, String start, String end) {
        return given().auth().oauth2(TestTokens.admin("admin")).contentType("application/json")
                .body(Map.of("staffId", staffId, "siteId", site, "startsAt", at(start).toString(), "endsAt", at(end).toString()))
                .when().post("/api/roster/shifts").then().statusCode(201).extract().path("id");
    }

    static Instant at(String minute) {
        return Instant.parse(minute + ":00Z");
    }
}
