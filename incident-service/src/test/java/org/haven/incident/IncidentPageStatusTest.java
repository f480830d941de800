package org.haven.incident;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookies;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** A missing client's hand-over to police and return, recorded from the page in that order, audited, announced nowhere. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class IncidentPageStatusTest {

    @Inject
    EntityManager entityManager;

    private final String site = "site-" + UUID.randomUUID();
    private final String supervisor = TestTokens.supervisor("sup-a", site);

    private String report(String type) {
        return IncidentReportingTest.asReporter(site).contentType("application/json")
                .body(IncidentReportingTest.report(type, "HIGH", site))
                .when().post("/api/incidents").then().statusCode(201).extract().path("id");
    }

    private long outboxRowsAbout(String incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM haven_outbox WHERE payload LIKE ?1").setParameter(1, "%" + incidentId + "%")
                .getSingleResult()).longValue());
    }

    @Test
    void aHandOverToPoliceThenTheReturnAreRecordedInOrderAndAudited() {
        String id = report("ELOPEMENT");
        Cookies session = IncidentPages.signIn(id, supervisor);
        IncidentPages.open(id, supervisor).body(containsString("Client status: <span id=\"client-status\">Missing</span>"),
                containsString("data-status=\"HANDED_TO_POLICE\""), containsString("data-status=\"RETURNED\""));
        long events = outboxRowsAbout(id);

        IncidentPages.script(session).body("{\"status\":\"HANDED_TO_POLICE\"}").when().post(IncidentPages.path(id) + "/status")
                .then().statusCode(200).body("status", equalTo("HANDED_TO_POLICE")).body("recordedBy", equalTo("sup-a"));
        IncidentPages.script(session).body("{\"status\":\"RETURNED\"}").when().post(IncidentPages.path(id) + "/status")
                .then().statusCode(200).body("status", equalTo("RETURNED"));

        IncidentPages.open(id, supervisor).statusCode(200)
                .body(containsString("Client status: <span id=\"client-status\">Client returned</span>"),
                        containsString("<li>Search handed over to police <span class=\"hint\">— sup-a,"))
                .body(not(containsString("data-status=")));
        String page = IncidentPages.open(id, supervisor).extract().asString();
        assertThat(page.indexOf("Search handed over to police <span")).isLessThan(page.indexOf("Client returned <span"));
        given().auth().oauth2(TestTokens.admin("admin-1")).queryParam("incidentId", id).when().get("/api/audit")
                .then().body("items.action.findAll { it == 'STATUS_CHANGED' }.size()", equalTo(2));
        assertThat(outboxRowsAbout(id)).as("a status change is announced in no event").isEqualTo(events);
    }

    @Test
    void nothingFollowsTheReturnAndASecondTapChangesNothing() {
        String id = report("ELOPEMENT");
        Cookies session = IncidentPages.signIn(id, supervisor);
        String status = IncidentPages.path(id) + "/status";

        IncidentPages.script(session).body("{\"status\":\"RETURNED\"}").when().post(status).then().statusCode(200);
        IncidentPages.script(session).body("{\"status\":\"RETURNED\"}").when().post(status).then().statusCode(200);
        IncidentPages.script(session).body("{\"status\":\"HANDED_TO_POLICE\"}").when().post(status)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://haven.example/problems/status-out-of-order"));

        assertThat(changes(id)).containsExactly("RETURNED");
    }

    @Test
    void anUnknownOrMissingStatusIsRefusedNamingTheFieldAndOnlyAMissingClientHasOne() {
        String id = report("ELOPEMENT");
        Cookies session = IncidentPages.signIn(id, supervisor);
        String status = IncidentPages.path(id) + "/status";

        IncidentPages.script(session).body("{\"status\":\"FOUND_DEAD\"}").when().post(status)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("status"));
        IncidentPages.script(session).body("{}").when().post(status)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("status"));
        String fall = report("SELF_HARM");
        IncidentPages.script(IncidentPages.signIn(fall, supervisor)).body("{\"status\":\"RETURNED\"}")
                .when().post(IncidentPages.path(fall) + "/status").then().statusCode(409);
        IncidentPages.open(fall, supervisor).statusCode(200).body(not(containsString("Client status")));

        assertThat(changes(id)).isEmpty();
        assertThat(changes(fall)).isEmpty();
    }

    @Test
    void theRecordCannotBeEditedEvenWithSql() {
        String id = report("ELOPEMENT");
        IncidentPages.script(IncidentPages.signIn(id, supervisor)).body("{\"status\":\"RETURNED\"}")
                .when().post(IncidentPages.path(id) + "/status").then().statusCode(200);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE incident_status_change SET status = 'HANDED_TO_POLICE' WHERE incident_id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate())).hasStackTraceContaining("append-only");
    }

    @SuppressWarnings("unchecked")
    private List<String> changes(String incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT status FROM incident_status_change WHERE incident_id = ?1 ORDER BY recorded_at, id")
                .setParameter(1, UUID.fromString(incidentId)).getResultList());
    }
}
