package org.haven.incident;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookies;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The page's checklist: each deadline in the site's zone with what is left of it, and one tap to record a call with
 * who made it, when and the agency's number.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class IncidentPageChecklistTest {

    /** A Friday: 07:00 in Los Angeles, 10:00 in New York (the us-generic policy's zone). */
    private static final Instant FRIDAY_1500Z = Instant.parse("2026-11-20T15:00:00Z");

    @Inject
    AdjustableClock clock;
    @Inject
    EntityManager entityManager;

    private final String site = "site-" + UUID.randomUUID();
    private final String supervisor = TestTokens.supervisor("sup-west", site);

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    /** A missing minor, occurred 14:30Z: the police and NCMEC calls are due at 16:30Z. */
    private String missingMinor() {
        clock.pin(FRIDAY_1500Z);
        return IncidentReportingTest.asReporter(site).contentType("application/json").body("""
                        {"siteId":"%s","type":"ELOPEMENT","severity":"HIGH","occurredAt":"2026-11-20T14:30:00Z","summary":"Not in room at check",
                         "lastSeen":{"at":"2026-11-20T14:25:00Z","place":"Lounge","clothing":"Grey tracksuit"},
                         "riskFlags":{"minor":true,"highRiskOfTrafficking":true,"medicalNeeds":false},
                         "searchSteps":"Checked the garden and the bus stop"}""".formatted(site))
                .when().post("/api/incidents").then().statusCode(201).extract().path("id");
    }

    private String itemId(String incidentId, String ruleId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT CAST(id AS varchar) FROM external_notification WHERE incident_id = ?1 AND rule_id = ?2")
                .setParameter(1, UUID.fromString(incidentId)).setParameter(2, ruleId).getSingleResult().toString());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> doneRow(String itemId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT done_by, done_at, reference, recorded_by FROM external_notification WHERE id = ?1")
                .setParameter(1, UUID.fromString(itemId)).getResultList());
    }

    @Test
    void deadlinesCountDownInTheSitesZoneNotTheJurisdictionsNorUtc() {
        IncidentPages.site(site, "Pine House", "America/Los_Angeles");
        String id = missingMinor();

        IncidentPages.open(id, supervisor).statusCode(200)
                .body(containsString("Fri 20 Nov, 08:30 PST"), containsString("1 h 30 min left"),
                        containsString("data-due=\"2026-11-20T16:30:00Z\""), containsString("(times in America/Los_Angeles)"),
                        containsString("Minor (under 18)"), containsString("High risk of trafficking"),
                        containsString("Checked the garden and the bus stop"))
                .body(not(containsString("11:30 EST")), not(containsString("16:30 UTC")), not(containsString("Medical needs")));

        clock.pin(Instant.parse("2026-11-20T16:40:00Z"));
        IncidentPages.open(id, supervisor).statusCode(200).body(containsString("overdue by 10 min"));
    }

    @Test
    void aSiteTheDirectoryDoesNotKnowYetCountsInItsJurisdictionsZone() {
        String id = missingMinor();

        IncidentPages.open(id, supervisor).statusCode(200).body(containsString("Fri 20 Nov, 11:30 EST"));
    }

    @Test
    void oneTapRecordsTheCallByMeNowWithThePoliceReportNumber() {
        String id = missingMinor();
        String police = itemId(id, "law-enforcement");
        Cookies session = IncidentPages.signIn(id, supervisor);
        clock.pin(FRIDAY_1500Z.plusSeconds(300));

        IncidentPages.script(session).body("{\"reference\":\"NYPD 2026-004512\"}")
                .when().post(IncidentPages.path(id) + "/checklist/" + police + "/call")
                .then().statusCode(200).body("doneBy", equalTo("sup-west")).body("doneAt", equalTo("2026-11-20T15:05:00Z"))
                .body("reference", equalTo("NYPD 2026-004512")).body("recordedBy", nullValue());

        IncidentPages.open(id, supervisor).statusCode(200)
                .body(containsString("Police report number: <strong>NYPD 2026-004512</strong>"),
                        containsString("Made by sup-west, Fri 20 Nov, 10:05 EST"));
        given().auth().oauth2(TestTokens.admin("admin-1")).queryParam("incidentId", id).when().get("/api/audit")
                .then().body("items.action", hasItem("NOTIFICATION_DONE"));
    }

    @Test
    void aCallMadeEarlierBySomeoneElseOfTheSiteIsRecordedAsTheirsAtThatSiteTime() {
        IncidentPages.site(site, "Pine House", "America/Los_Angeles", "staff-dee", "Dee Park");
        String id = missingMinor();
        String ncmec = itemId(id, "ncmec");

        IncidentPages.script(IncidentPages.signIn(id, supervisor))
                .body("{\"madeBy\":\"staff-dee\",\"madeAt\":\"2026-11-20T06:50\",\"reference\":\"NCMEC-1234567\"}")
                .when().post(IncidentPages.path(id) + "/checklist/" + ncmec + "/call")
                .then().statusCode(200).body("doneBy", equalTo("staff-dee")).body("doneAt", equalTo("2026-11-20T14:50:00Z"))
                .body("recordedBy", equalTo("sup-west"));

        IncidentPages.open(id, supervisor).statusCode(200)
                .body(containsString("Made by Dee Park, Fri 20 Nov, 06:50 PST"), containsString("NCMEC case number: <strong>NCMEC-1234567</strong>"));
    }

    @Test
    void aBadNumberAStrangerOrAnImpossibleTimeIsRefusedNamingTheFieldAndNothingIsStored() {
        IncidentPages.site(site, "Pine House", "America/Los_Angeles", "staff-dee", "Dee Park");
        String id = missingMinor();
        String police = itemId(id, "law-enforcement");
        Cookies session = IncidentPages.signIn(id, supervisor);
        String call = IncidentPages.path(id) + "/checklist/" + police + "/call";

        for (String[] bad : new String[][] {
                {"{\"reference\":\"<script>alert(1)</script>\"}", "reference"},
                {"{\"reference\":\"" + "1".repeat(41) + "\"}", "reference"},
                {"{\"madeBy\":\"staff-from-elsewhere\"}", "madeBy"},
                {"{\"madeAt\":\"2026-11-20T07:30\"}", "madeAt"},          // 15:30Z: after now (15:00Z)
                {"{\"madeAt\":\"2026-11-20T06:00\"}", "madeAt"},          // 14:00Z: before it occurred
                {"{\"madeAt\":\"20/11/2026 06:50\"}", "madeAt"}}) {
            IncidentPages.script(session).body(bad[0]).when().post(call)
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(bad[1]));
        }
        assertThat(doneRow(police)).singleElement().satisfies(row -> assertThat(row).containsOnlyNulls());
    }

    @Test
    void aSecondTapKeepsTheFirstRecordAndThePageNeedsItsScriptHeader() {
        String id = missingMinor();
        String police = itemId(id, "law-enforcement");
        Cookies session = IncidentPages.signIn(id, supervisor);
        String call = IncidentPages.path(id) + "/checklist/" + police + "/call";

        IncidentPages.script(session).body("{\"reference\":\"A-1\"}").when().post(call).then().statusCode(200);
        clock.pin(FRIDAY_1500Z.plusSeconds(60));
        IncidentPages.script(session).body("{\"reference\":\"B-2\"}").when().post(call)
                .then().statusCode(200).body("reference", equalTo("A-1")).body("doneAt", equalTo("2026-11-20T15:00:00Z"));
        given().redirects().follow(false).cookies(session).contentType("application/json").body("{}").when().post(call)
                .then().statusCode(403);
        IncidentPages.script(IncidentPages.signIn(id, TestTokens.supervisor("sup-b", "site-elsewhere"))).body("{}")
                .when().post(call).then().statusCode(404);
    }
}
