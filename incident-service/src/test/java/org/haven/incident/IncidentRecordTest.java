package org.haven.incident;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.haven.incident.domain.Incident;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class IncidentRecordTest {

    static String fullElopement(String site) {
        Colleagues.hire(site, "staff-ana", "staff-ben");
        Instant occurred = TestTime.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"siteId":"%s","type":"ELOPEMENT","severity":"HIGH","occurredAt":"%s","summary":"Did not come back from the corner shop",
                 "location":"Front door","involvedStaffIds":["staff-ana"],"witnessIds":["staff-ben"],"clientCodes":["C-7F3KW"],
                 "injuries":"None seen","immediateActions":"Searched the garden and the street; called the supervisor",
                 "lastSeen":{"at":"%s","place":"Corner shop on Elm St","clothing":"Red jacket, black jeans"},
                 "riskFlags":{"minor":true,"highRiskOfTrafficking":true,"medicalNeeds":false},
                 "searchSteps":"Checked the park and the bus stop"}""".formatted(site, occurred, occurred.minus(5, ChronoUnit.MINUTES));
    }

    @Test
    void elopementKeepsLastSeenRiskFlagsAndSearchSteps() {
        String site = "site-" + UUID.randomUUID();
        String id = IncidentReportingTest.asReporter(site).contentType("application/json").body(fullElopement(site))
                .when().post("/api/incidents")
                .then().statusCode(201).extract().path("id");

        IncidentReportingTest.asReporter(site).when().get("/api/incidents/" + id).then().statusCode(200)
                .body("location", equalTo("Front door"))
                .body("witnessIds", equalTo(java.util.List.of("staff-ben")))
                .body("injuries", equalTo("None seen"))
                .body("immediateActions", equalTo("Searched the garden and the street; called the supervisor"))
                .body("lastSeen.place", equalTo("Corner shop on Elm St"))
                .body("lastSeen.clothing", equalTo("Red jacket, black jeans"))
                .body("riskFlags.minor", equalTo(true))
                .body("riskFlags.highRiskOfTrafficking", equalTo(true))
                .body("riskFlags.medicalNeeds", equalTo(false))
                .body("searchSteps", equalTo("Checked the park and the bus stop"));
    }

    @Test
    void elopementWithoutLastSeenIsRefusedNamingTheField() {
        long before = Incident.count();
        String body = fullElopement("site-a").replaceAll("\"lastSeen\":\\{[^}]*},", "");
        IncidentReportingTest.asReporter("site-a").contentType("application/json").body(body)
                .when().post("/api/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(java.util.List.of("lastSeen")));
        assertThat(Incident.count()).isEqualTo(before);
    }

    @Test
    void everyInvalidFieldOfTheFullRecordIsNamed() {
        String body = fullElopement("site-a")
                .replace("\"place\":\"Corner shop on Elm St\"", "\"place\":\" \"")
                .replace("\"clothing\":\"Red jacket, black jeans\"", "\"clothing\":\"\"")
                .replace("\"location\":\"Front door\"", "\"location\":\"" + "x".repeat(301) + "\"")
                .replace("\"summary\":\"Did not come back from the corner shop\"", "\"summary\":\"\"");
        IncidentReportingTest.asReporter("site-a").contentType("application/json").body(body)
                .when().post("/api/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("lastSeen.place", "lastSeen.clothing", "location", "summary"));
    }

    @Test
    void otherTypesNeedNoLastSeen() {
        String site = "site-" + UUID.randomUUID();
        String body = IncidentReportingTest.report("PROPERTY_DAMAGE", "LOW", site).replaceAll(",\\s*\"lastSeen\":\\{[^}]*}", "");
        IncidentReportingTest.asReporter(site).contentType("application/json").body(body)
                .when().post("/api/incidents")
                .then().statusCode(201).body("lastSeen", equalTo(null)).body("riskFlags.minor", equalTo(false));
    }
}
