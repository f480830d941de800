package org.haven.local.notification;

import org.haven.local.DemoTokens;
import org.haven.local.PlatformExtension;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** notification-service's directory, changed as an administrator does: through its admin API. */
public final class DirectoryAdmin {

    /** Someone the drill creates: unique address and number, so what reaches them is this drill's. */
    public record Person(String id, String name, String email, String phone) {
        public static Person fresh(String role, String tag, int number) {
            return new Person(role + "-" + tag, "Drill " + role + " " + tag, role + "-" + tag + "@drill.haven.example",
                    "+1555" + String.format("%07d", Math.floorMod((tag + number).hashCode(), 10_000_000)));
        }
    }

    private final String baseUrl;

    public DirectoryAdmin(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public void put(Person person) {
        given().auth().oauth2(DemoTokens.of("admin")).contentType("application/json")
                .body(Map.of("displayName", person.name(), "email", person.email(), "phone", person.phone()))
                .when().put(baseUrl + "/api/directory/people/" + person.id())
                .then().statusCode(200);
    }

    /** The site's chain as the API shows it (repeats and levels), to put back after the drill. */
    public Map<String, Object> chain(String siteId) {
        return given().auth().oauth2(DemoTokens.of("admin")).when().get(baseUrl + "/api/directory/sites/" + siteId + "/escalation")
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    /** Pages each person in turn, {@code after} each level's delay from the start, once (no repeat). */
    public void chainOfPeople(String siteId, List<Map.Entry<java.time.Duration, Person>> levels) {
        putChain(siteId, Map.of("repeats", 0, "levels", levels.stream()
                .map(l -> Map.of("after", l.getKey().toString(), "target", "PERSON", "personId", l.getValue().id())).toList()));
    }

    public void putChain(String siteId, Map<String, Object> chain) {
        given().auth().oauth2(DemoTokens.of("admin")).contentType("application/json")
                .body(Map.of("repeats", chain.get("repeats"), "levels", chain.get("levels")))
                .when().put(baseUrl + "/api/directory/sites/" + siteId + "/escalation")
                .then().statusCode(200);
    }
}
