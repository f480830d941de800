package org.haven.wellness;

import io.restassured.response.ValidatableResponse;
import org.haven.events.IncidentReported;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Finds a person's follow-ups and gives their self check-ins through the API, with their own token. */
final class CheckIns {

    private CheckIns() {
    }

    /** The id of the person's follow-up of {@code kind} for the incident, as they see it themselves. */
    static String followUpOf(IncidentReported incident, String staffId, String kind) {
        List<Map<String, String>> items = given().auth().oauth2(DirectoryTokens.staff(staffId, incident.siteId()))
                .queryParam("incidentId", incident.incidentId().toString())
                .when().get("/api/followups")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(item -> item.get("kind").equals(kind)).map(item -> item.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " follow-up for " + staffId));
    }

    static String wellbeing(int sleep, int intrusiveThoughts, int supportWanted, boolean requestConversation, String followUpId) {
        return """
                {"followUpId":"%s","requestConversation":%s,
                 "answers":{"wellbeing-check":{"sleep":%d,"intrusive-thoughts":%d,"support-wanted":%d}}}"""
                .formatted(followUpId, requestConversation, sleep, intrusiveThoughts, supportWanted);
    }

    static ValidatableResponse submit(String token, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/checkins").then();
    }

    /** The person checks in on their 72-hour follow-up and gets the new check-in's id. */
    static String checkIn72h(IncidentReported incident, String staffId, int sleep, int intrusiveThoughts, boolean requestConversation) {
        return checkIn(incident, staffId, "SELF_CHECK_IN_72H", sleep, intrusiveThoughts, requestConversation);
    }

    /** The person checks in on their one-month follow-up (as early as they like) and gets the new check-in's id. */
    static String checkIn1Month(IncidentReported incident, String staffId, int sleep, int intrusiveThoughts) {
        return checkIn(incident, staffId, "SELF_CHECK_IN_1_MONTH", sleep, intrusiveThoughts, false);
    }

    private static String checkIn(IncidentReported incident, String staffId, String kind, int sleep, int intrusiveThoughts,
                                  boolean requestConversation) {
        String followUp = followUpOf(incident, staffId, kind);
        return submit(DirectoryTokens.staff(staffId, incident.siteId()), wellbeing(sleep, intrusiveThoughts, 0, requestConversation, followUp))
                .statusCode(201).extract().path("id");
    }
}
