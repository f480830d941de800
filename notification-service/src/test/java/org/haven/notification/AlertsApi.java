package org.haven.notification;

import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Reads alerts through the service's own REST API, as a client would. */
final class AlertsApi {

    private AlertsApi() {
    }

    static List<Map<String, Object>> ofIncident(UUID incidentId) {
        return given().queryParam("incidentId", incidentId)
                .when().get("/api/alerts")
                .then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    static JsonPath detail(Object alertId) {
        return given().when().get("/api/alerts/" + alertId)
                .then().statusCode(200)
                .extract().jsonPath();
    }
}
