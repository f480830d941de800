package org.haven.notification;

import io.restassured.path.json.JsonPath;
import org.haven.events.IncidentReported;
import org.haven.testing.TestTokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Reads alerts through the service's own REST API, as a supervisor of the incident's site would. */
final class AlertsApi {

    private AlertsApi() {
    }

    static List<Map<String, Object>> ofIncident(IncidentReported incident) {
        return given().auth().oauth2(TestTokens.supervisor("sup-watch", incident.siteId()))
                .queryParam("incidentId", incident.incidentId())
                .when().get("/api/alerts")
                .then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    static JsonPath detail(String siteId, Object alertId) {
        return given().auth().oauth2(TestTokens.supervisor("sup-watch", siteId)).when().get("/api/alerts/" + alertId)
                .then().statusCode(200)
                .extract().jsonPath();
    }
}
