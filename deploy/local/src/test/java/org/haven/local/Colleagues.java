package org.haven.local;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Puts people a test names into the organisation, as an administrator does (notification-service's directory API),
 * working at a site all week round the clock, and waits until incident-service's projection lists them there: a
 * report may name only people who work at its site.
 */
public final class Colleagues {

    private Colleagues() {
    }

    public static void hire(String siteId, List<String> personIds) {
        HavenPlatform platform = PlatformExtension.platform();
        String directory = platform.service("notification-service").baseUrl() + "/api/directory/people/";
        String admin = DemoTokens.of("admin");
        List<Map<String, Object>> allWeek = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            allWeek.add(Map.of("day", day.name(), "start", "00:00", "end", "12:00"));
            allWeek.add(Map.of("day", day.name(), "start", "12:00", "end", "00:00"));   // to midnight
        }
        for (String id : personIds) {
            given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("displayName", "Colleague " + id, "email", id + "@colleagues.haven.example"))
                    .when().put(directory + id).then().statusCode(200);
            given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("weekly", allWeek, "exceptions", List.of()))
                    .when().put(directory + id + "/sites/" + siteId + "/work-pattern").then().statusCode(200);
        }
        String reader = DemoTokens.of("sup-" + siteId.replaceFirst("^site-", ""));
        String listed = platform.service("incident-service").baseUrl() + "/api/sites/" + siteId + "/people";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            List<String> ids = given().auth().oauth2(reader).when().get(listed).then().statusCode(200)
                    .extract().jsonPath().getList("id", String.class);
            return ids.containsAll(personIds);
        });
    }
}
