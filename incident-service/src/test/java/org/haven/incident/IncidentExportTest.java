package org.haven.incident;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookies;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.haven.testing.AdjustableClock;
import org.haven.testing.CsvRecords;
import org.haven.events.HavenEvents;
import org.haven.events.OrganisationSite;
import org.haven.events.WorkPattern;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestSignIn;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class IncidentExportTest {

    /** 10:00 in New York on a Friday; the incidents occurred that morning, local time. */
    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    private static final String PERIOD = "from=2026-11-20&to=2026-11-20";
    private static final String NARRATIVE = "Left at 08:15, said \"back soon\", took the bus\nto Ciudad Juárez — 東京";

    @Inject
    AdjustableClock clock;
    @Inject
    EntityManager entityManager;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    private record Sites(String north, String south, String reporter) {
    }

    /** Two sites in New York, an elopement at each (with its checklist) written by a staff member the directory names. */
    private Sites twoSitesWithAnElopementEach() {
        clock.pin(NOW);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Sites sites = new Sites("north-" + run, "south-" + run, "ana-" + run);
        // Through the owner's topics, as in production: a projection rebuilt from them must come out the same.
        for (String site : List.of(sites.north(), sites.south())) {
            OrganisationProjectionTest.publishAndAwait(HavenEvents.ORGANISATION_SITE, site, new OrganisationSite(site, site, "America/New_York", null));
        }
        Colleagues.hireNamed(sites.north(), WorkPattern.none(), Map.of(sites.reporter(), "Ana Díaz"));
        for (String site : List.of(sites.north(), sites.south())) {
            String body = """
                    {"siteId":"%s","type":"ELOPEMENT","severity":"HIGH","occurredAt":"2026-11-20T13:30:00Z","summary":%s,
                     "location":"Lounge, east wing","clientCodes":["%s"],
                     "lastSeen":{"at":"2026-11-20T13:25:00Z","place":"Bus stop, Main St","clothing":"=HYPERLINK(\\"x\\")"}}"""
                    .formatted(site, json(NARRATIVE), IncidentReportingTest.CLIENT_CODE);
            given().auth().oauth2(TestTokens.staff(sites.reporter(), site)).contentType("application/json").body(body)
                    .when().post("/api/incidents").then().statusCode(201);
        }
        return sites;
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static Cookies signIn(String token) {
        return TestSignIn.session("/app/reports", token);
    }

    private static byte[] csv(Cookies session, String query) {
        return given().cookies(session).redirects().follow(false).when().get("/app/reports/incidents.csv?" + query)
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .extract().asByteArray();
    }

    private static List<Map<String, String>> records(byte[] body) {
        List<List<String>> records = CsvRecords.parse(body);
        List<String> header = records.get(0);
        return records.subList(1, records.size()).stream()
                .map(record -> IntStream.range(0, header.size()).boxed()
                        .collect(Collectors.toMap(header::get, record::get, (a, b) -> a, java.util.LinkedHashMap::new)))
                .map(map -> (Map<String, String>) map).toList();
    }

    private long audited(String actor, String action, String site) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM incident_audit WHERE actor_id = ?1 AND action = ?2 AND site_id = ?3")
                .setParameter(1, actor).setParameter(2, action).setParameter(3, site).getSingleResult()).longValue());
    }

    @Test
    void staffExportNothing() {
        Cookies staff = signIn(TestTokens.staff("staff-ana", "site-a"));

        given().cookies(staff).when().get("/app/reports/incidents.csv?" + PERIOD).then().statusCode(403);
        given().cookies(staff).when().get("/app/reports/incidents?" + PERIOD).then().statusCode(403);
        given().cookies(staff).when().get("/app/reports").then().statusCode(403);
    }

    @Test
    void aSupervisorExportsTheirSitesOnlyWithReporterRolesNotNamesAndNoNarrative() {
        Sites sites = twoSitesWithAnElopementEach();
        Cookies supervisor = signIn(TestTokens.supervisor("sup-north", sites.north()));

        byte[] body = csv(supervisor, PERIOD);
        List<Map<String, String>> rows = records(body);

        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("site")).isEqualTo(sites.north());
            assertThat(row.get("reporter_role")).isEqualTo("staff");
            assertThat(row.get("occurred")).isEqualTo("2026-11-20 08:30");
            assertThat(row.get("time_zone")).isEqualTo("America/New_York");
            assertThat(row.get("critical")).isEqualTo("yes");
            assertThat(row.get("client_codes")).isEqualTo(IncidentReportingTest.CLIENT_CODE);
        });
        assertThat(rows).extracting(row -> row.get("notification_rule"))
                .contains("law-enforcement", "guardian-or-placing-agency", "licensing-agency");
        assertThat(rows.get(0)).doesNotContainKeys("reporter", "summary", "location", "last_seen_clothing");
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("Ana Díaz", "back soon", "Lounge", "Bus stop", "HYPERLINK");
        assertThat(audited("sup-north", "LISTED", sites.north())).isEqualTo(1);
        assertThat(audited("sup-north", "VIEWED", sites.north())).isZero();

        given().cookies(supervisor).when().get("/app/reports/incidents.csv?" + PERIOD + "&site=" + sites.south())
                .then().statusCode(403).contentType("application/problem+json");
        given().cookies(supervisor).when().get("/app/reports/incidents.csv?" + PERIOD + "&narrative=true")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("narrative"));
    }

    @Test
    void aCallsReferenceNumberFromTheAgencyIsExportedWithItsChecklistItem() {
        Sites sites = twoSitesWithAnElopementEach();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        UPDATE external_notification SET done_at = ?1, reference = 'PD-2026-004217'
                        WHERE rule_id = 'law-enforcement' AND incident_id IN (SELECT id FROM incident WHERE site_id = ?2)""")
                .setParameter(1, NOW).setParameter(2, sites.north()).executeUpdate());
        Cookies supervisor = signIn(TestTokens.supervisor("sup-north", sites.north()));

        List<Map<String, String>> rows = records(csv(supervisor, PERIOD));

        assertThat(rows).filteredOn(row -> "law-enforcement".equals(row.get("notification_rule")))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("notification_reference_number")).isEqualTo("PD-2026-004217");
                    assertThat(row.get("notification_done_at")).isEqualTo("2026-11-20 10:00");
                });
        assertThat(rows).filteredOn(row -> !"law-enforcement".equals(row.get("notification_rule")))
                .allSatisfy(row -> assertThat(row.get("notification_reference_number")).isEmpty());
    }

    @Test
    void aDirectorSeesTheReporterAndTheNarrativeOnlyWhenAskingWhichIsAuditedAsAReadOfEachIncident() {
        Sites sites = twoSitesWithAnElopementEach();
        Cookies director = signIn(TestTokens.director("dir-1", sites.north(), sites.south()));

        List<Map<String, String>> plain = records(csv(director, PERIOD));
        assertThat(plain).extracting(row -> row.get("site")).containsOnly(sites.north(), sites.south());
        assertThat(plain).filteredOn(row -> row.get("site").equals(sites.north()))
                .extracting(row -> row.get("reporter")).containsOnly("Ana Díaz");
        assertThat(plain).filteredOn(row -> row.get("site").equals(sites.south()))
                .extracting(row -> row.get("reporter_role")).containsOnly("unknown");
        assertThat(plain.get(0)).doesNotContainKey("summary");
        assertThat(audited("dir-1", "VIEWED", sites.north())).isZero();

        List<Map<String, String>> full = records(csv(director, PERIOD + "&site=" + sites.north() + "&narrative=true"));
        assertThat(full).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("site")).isEqualTo(sites.north());
            assertThat(row.get("summary")).isEqualTo(NARRATIVE);
            assertThat(row.get("location")).isEqualTo("Lounge, east wing");
            assertThat(row.get("last_seen_place")).isEqualTo("Bus stop, Main St");
            assertThat(row.get("last_seen_clothing")).isEqualTo("'=HYPERLINK(\"x\")");
        });
        assertThat(audited("dir-1", "VIEWED", sites.north())).isEqualTo(1);
        assertThat(audited("dir-1", "VIEWED", sites.south())).isZero();
    }

    @Test
    void anAdminExportsTheNarrativeOfTheSitesInTheirTokenWhenAsking() {
        Sites sites = twoSitesWithAnElopementEach();
        Cookies admin = signIn(TestTokens.token("admin-1", "admin", sites.south()));

        List<Map<String, String>> rows = records(csv(admin, PERIOD + "&narrative=true"));

        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("site")).isEqualTo(sites.south());
            assertThat(row.get("summary")).isEqualTo(NARRATIVE);
        });
        assertThat(rows.get(0)).doesNotContainKey("reporter");
        assertThat(audited("admin-1", "VIEWED", sites.south())).isEqualTo(1);
    }

    @Test
    void incidentsOutsideThePeriodInTheSitesZoneAreLeftOut() {
        Sites sites = twoSitesWithAnElopementEach();
        Cookies supervisor = signIn(TestTokens.supervisor("sup-north", sites.north()));

        // 13:30Z is 08:30 on the 20th in New York: the 19th and the 21st hold nothing.
        assertThat(records(csv(supervisor, "from=2026-11-19&to=2026-11-19"))).isEmpty();
        assertThat(records(csv(supervisor, "from=2026-11-21&to=2026-11-21"))).isEmpty();
    }

    @Test
    void thePrintablePageShowsTheSameRowsEscapedAndLinksTheCsv() {
        Sites sites = twoSitesWithAnElopementEach();
        Cookies supervisor = signIn(TestTokens.supervisor("sup-north", sites.north()));

        given().cookies(supervisor).when().get("/app/reports/incidents?" + PERIOD)
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<td>" + sites.north() + "</td>"))
                .body(containsString("law-enforcement"))
                .body(containsString("href=\"/app/reports/incidents.csv?from=2026-11-20&amp;to=2026-11-20\""))
                .body(not(containsString("back soon")))
                .body(not(containsString(sites.south())));
        given().cookies(supervisor).when().get("/app/reports")
                .then().statusCode(200)
                .body(containsString("formaction=\"/app/debriefs/reports/compliance\""))
                .body(containsString("formaction=\"/app/wellness/reports/follow-ups\""));
    }

    @Test
    void aBadPeriodIsAProblemNamingTheFieldAndReadsNothing() {
        Sites sites = twoSitesWithAnElopementEach();
        Cookies supervisor = signIn(TestTokens.supervisor("sup-bad", sites.north()));

        given().cookies(supervisor).when().get("/app/reports/incidents.csv?from=2026-11-31&to=2026-12-01")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().cookies(supervisor).when().get("/app/reports/incidents.csv?from=2026-01-01&to=2027-06-01")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("to"));
        given().cookies(supervisor).when().get("/app/reports/incidents.csv?" + PERIOD + "&narrative=yes")
                .then().statusCode(400).body("errors[0].field", equalTo("narrative"));
        assertThat(audited("sup-bad", "LISTED", sites.north())).isZero();
    }
}
