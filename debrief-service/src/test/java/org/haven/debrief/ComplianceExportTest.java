package org.haven.debrief;

import org.haven.events.OrganisationSite;
import org.haven.events.HavenEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.events.IncidentReported;
import org.haven.testing.AdjustableClock;
import org.haven.testing.CsvRecords;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.haven.debrief.DebriefsApi.awaitDebriefOf;

/**
 * The compliance export, with a pinned clock, at a New York site: in October one elopement debriefed in 6 h, one in
 * 28 h (late against 24 h) and one never held; a fourth at another site.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class ComplianceExportTest {

    private static final String OCTOBER = "from=2026-10-01&to=2026-10-31";

    @Inject
    AdjustableClock clock;

    // Built once for the class (every test only reads it): four debriefs through Kafka are slow on a busy machine.
    static String site;
    static String otherSite;
    static String run;
    static UUID onTime;
    static UUID late;
    static UUID overdue;
    static UUID elsewhere;

    @BeforeEach
    void octoberAtANewYorkSite() {
        if (run != null) {
            clock.pin(Instant.parse("2026-11-01T09:00:00Z"));
            return;
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        site = "north-" + run;
        otherSite = "south-" + run;
        // Through the owner's topic, as in production: a projection rebuilt from it must come out the same.
        RosterFixture.publishAndAwait(HavenEvents.ORGANISATION_SITE, site, new OrganisationSite(site, site, "America/New_York", "us-generic"));
        onTime = held(site, "a-" + run, "2026-10-10T14:00:00Z", "2026-10-10T20:00:00Z");
        late = held(site, "b-" + run, "2026-10-15T12:00:00Z", "2026-10-16T16:00:00Z");
        overdue = opened(site, "c-" + run, "2026-10-20T12:00:00Z").incidentId();
        elsewhere = opened(otherSite, "d-" + run, "2026-10-21T12:00:00Z").incidentId();
        ComplianceExportTest.run = run;
        clock.pin(Instant.parse("2026-11-01T09:00:00Z"));
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    private IncidentReported opened(String siteId, String reporter, String reportedAt) {
        clock.pin(Instant.parse(reportedAt).plusSeconds(60));
        IncidentReported elopement = IncidentFeed.reported("ELOPEMENT", true, siteId, Instant.parse(reportedAt), reporter, List.of(), List.of());
        IncidentFeed.send(elopement);
        awaitDebriefOf(elopement);
        return elopement;
    }

    private UUID held(String siteId, String reporter, String reportedAt, String heldAt) {
        IncidentReported incident = opened(siteId, reporter, reportedAt);
        String id = awaitDebriefOf(incident);
        clock.pin(Instant.parse(heldAt));
        given().auth().oauth2(TestTokens.director("dir-1", siteId)).contentType("application/json")
                .body(Map.of("attendeeIds", List.of(reporter)))
                .when().post("/api/debriefs/" + id + "/held").then().statusCode(200);
        return incident.incidentId();
    }

    private static List<Map<String, String>> records(byte[] body) {
        List<List<String>> records = CsvRecords.parse(body);
        List<String> header = records.get(0);
        return records.subList(1, records.size()).stream()
                .map(record -> IntStream.range(0, header.size()).boxed().collect(Collectors.toMap(header::get, record::get)))
                .toList();
    }

    private static Map<String, String> row(List<Map<String, String>> rows, UUID incident) {
        return rows.stream().filter(row -> row.get("incident_id").equals(incident.toString())).findFirst().orElseThrow();
    }

    @Test
    void aSupervisorGetsEachIncidentOfTheirSiteWithItsDeadlineHeldAtOnTimeAndAttendanceCounts() {
        byte[] body = given().auth().oauth2(TestTokens.supervisor("sup-1", site))
                .when().get("/app/debriefs/reports/compliance.csv?" + OCTOBER)
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("debrief-compliance_all-sites_2026-10-01_2026-10-31.csv"))
                .extract().asByteArray();
        List<Map<String, String>> rows = records(body);

        assertThat(rows).extracting(row -> row.get("incident_id")).containsExactly(onTime.toString(), late.toString(), overdue.toString());
        Map<String, String> first = row(rows, onTime);
        assertThat(first.get("reported")).isEqualTo("2026-10-10 10:00");
        assertThat(first.get("time_zone")).isEqualTo("America/New_York");
        assertThat(first.get("deadline")).isEqualTo("2026-10-11 10:00");
        assertThat(first.get("held_at")).isEqualTo("2026-10-10 16:00");
        assertThat(first.get("on_time")).isEqualTo("yes");
        assertThat(first.get("attended")).isEqualTo("1");
        assertThat(Integer.parseInt(first.get("invited"))).isGreaterThanOrEqualTo(1);
        assertThat(row(rows, late).get("on_time")).isEqualTo("no");
        assertThat(row(rows, overdue).get("on_time")).isEqualTo("overdue");
        assertThat(row(rows, overdue).get("held_at")).isEmpty();
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("a-" + run, "b-" + run);
    }

    @Test
    void anotherSitesIncidentsAreLeftOutAndAskingForThatSiteIsRefused() {
        String supervisor = TestTokens.supervisor("sup-1", site);
        List<Map<String, String>> rows = records(given().auth().oauth2(supervisor)
                .when().get("/app/debriefs/reports/compliance.csv?" + OCTOBER).then().statusCode(200).extract().asByteArray());

        assertThat(rows).extracting(row -> row.get("incident_id")).doesNotContain(elsewhere.toString());
        given().auth().oauth2(supervisor).when().get("/app/debriefs/reports/compliance.csv?" + OCTOBER + "&site=" + otherSite)
                .then().statusCode(403).contentType("application/problem+json");
        List<Map<String, String>> both = records(given().auth().oauth2(TestTokens.director("dir-2", site, otherSite))
                .when().get("/app/debriefs/reports/compliance.csv?" + OCTOBER).then().statusCode(200).extract().asByteArray());
        assertThat(both).extracting(row -> row.get("incident_id")).contains(elsewhere.toString());
        assertThat(row(both, elsewhere).get("time_zone")).as("a site the directory has not described").isEqualTo("UTC");
    }

    @Test
    void staffAndAdminsExportNoCompliance() {
        given().auth().oauth2(TestTokens.staff("a-" + run, site)).when().get("/app/debriefs/reports/compliance.csv?" + OCTOBER)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.token("admin-1", "admin", site)).when().get("/app/debriefs/reports/compliance?" + OCTOBER)
                .then().statusCode(403);
    }

    @Test
    void thePrintablePageShowsTheRowsAndLinksTheCsvAndABadPeriodNamesTheField() {
        String supervisor = TestTokens.supervisor("sup-1", site);
        given().auth().oauth2(supervisor).when().get("/app/debriefs/reports/compliance?" + OCTOBER)
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<td>" + onTime + "</td>"))
                .body(containsString("href=\"/app/debriefs/reports/compliance.csv?from=2026-10-01&amp;to=2026-10-31\""))
                .body(not(containsString(elsewhere.toString())));
        given().auth().oauth2(supervisor).when().get("/app/debriefs/reports/compliance.csv?from=2026-10-31&to=2026-10-01")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("to"));
    }
}
