package org.haven.local.notification;

import org.haven.local.ClientCodes;
import org.haven.local.DemoTokens;
import org.haven.local.PlatformExtension;
import org.haven.local.ServiceSpec;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Elopements reported at North House by staff-ana, and the alerts notification-service keeps of them, read as its supervisor. */
final class DrillReports {

    static final String SITE = "site-north";
    static final String SUPERVISOR = "sup-north";

    private DrillReports() {
    }

    /** The client code each drill report names; no message may carry it. */
    static String clientCode(String tag) {
        return ClientCodes.of(tag);
    }

    static final String NARRATIVE = "Client slipped out through the laundry door during the drill";

    /** Reports a critical elopement over HTTP; returns the incident id. */
    static String elopement(String tag) {
        Instant occurred = PlatformExtension.now().minus(2, ChronoUnit.MINUTES);
        String body = """
                {"siteId":"%1$s","type":"ELOPEMENT","severity":"HIGH","occurredAt":"%2$s","summary":"%3$s",
                 "lastSeen":{"at":"%2$s","place":"Laundry door","clothing":"Green jacket"},
                 "involvedStaffIds":["staff-ana"],"witnessIds":[],"clientCodes":["%4$s"]}"""
                .formatted(SITE, occurred, NARRATIVE, clientCode(tag));
        return given().auth().oauth2(DemoTokens.of("staff-ana")).contentType("application/json").body(body)
                .when().post(PlatformExtension.platform().service("incident-service").baseUrl() + "/api/incidents")
                .then().statusCode(201).extract().path("id");
    }

    /**
     * Takes charge of every drill incident still paging (as North House's supervisor), so a drill that
     * failed half-way leaves no escalation to page people during later tests. Best effort: the service
     * may be down.
     */
    static void takeChargeOfAll(ServiceSpec service, List<String> incidentIds) {
        for (String incidentId : incidentIds) {
            try {
                alerts(service, incidentId).stream().filter(a -> "RAISED".equals(a.get("status"))).findFirst()
                        .ifPresent(a -> given().auth().oauth2(DemoTokens.of(SUPERVISOR)).when()
                                .post(service.baseUrl() + "/api/alerts/" + a.get("id") + "/ack"));
            } catch (RuntimeException | AssertionError e) {
                System.out.printf("Could not take charge of drill incident %s: %s%n", incidentId, e.getMessage());
            }
        }
    }

    /**
     * Takes charge of every incident at North House still paging, so that escalations left by earlier
     * tests do not fire into the drill's chain (a level is read from the chain when it fires).
     */
    static void quietSite(ServiceSpec service) {
        for (int pass = 0; pass < 10; pass++) {
            List<Map<String, Object>> open = given().auth().oauth2(DemoTokens.of(SUPERVISOR))
                    .queryParam("site", SITE).queryParam("status", "RAISED").queryParam("size", 100)
                    .when().get(service.baseUrl() + "/api/alerts").then().statusCode(200).extract().jsonPath().getList("items");
            if (open.isEmpty()) {
                return;
            }
            open.stream().collect(java.util.stream.Collectors.toMap(a -> a.get("incidentId"), a -> a.get("id"), (a, b) -> a))
                    .values().forEach(alertId -> given().auth().oauth2(DemoTokens.of(SUPERVISOR)).when()
                            .post(service.baseUrl() + "/api/alerts/" + alertId + "/ack").then().statusCode(200));
        }
        throw new AssertionError("North House still has alerts paging after taking charge of them");
    }

    static List<Map<String, Object>> alerts(ServiceSpec service, String incidentId) {
        return given().auth().oauth2(DemoTokens.of(SUPERVISOR)).queryParam("incidentId", incidentId).queryParam("size", 100)
                .when().get(service.baseUrl() + "/api/alerts").then().statusCode(200).extract().jsonPath().getList("items");
    }

    static Optional<Map<String, Object>> alertFor(ServiceSpec service, String incidentId, String personId) {
        return alerts(service, incidentId).stream().filter(a -> personId.equals(a.get("recipientId"))).findFirst();
    }

    /** The alert's deliveries (every attempt to reach its recipient), as its detail shows them. */
    static List<Map<String, Object>> deliveries(ServiceSpec service, UUID alertId) {
        return given().auth().oauth2(DemoTokens.of(SUPERVISOR)).when().get(service.baseUrl() + "/api/alerts/" + alertId)
                .then().statusCode(200).extract().jsonPath().getList("deliveries");
    }
}
