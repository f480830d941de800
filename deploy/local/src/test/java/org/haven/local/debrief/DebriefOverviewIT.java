package org.haven.local.debrief;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.haven.local.DemoTokens;
import org.haven.local.HavenPlatform;
import org.haven.local.BrowserSession;
import org.haven.local.PlatformExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supervisors' and directors' page in real headless Chromium against the whole platform. An elopement
 * reported over HTTP gives site-north an upcoming debrief. What real time cannot produce in a test run — a
 * debrief whose deadline passed days ago and circles held in earlier months — is written into debrief-service's
 * database beforehand (and removed afterwards). The program director signs in through the local identity
 * provider and sees both sites; the site-north supervisor sees only site-north.
 */
@ExtendWith(PlatformExtension.class)
class DebriefOverviewIT {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.window(1100, 900);

    private Page page;
    private final List<UUID> seeded = new ArrayList<>();
    private String upcomingId;

    @BeforeEach
    void openBrowser() {
        page = browser.page();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (upcomingId != null) {
            given().auth().oauth2(DemoTokens.of("sup-north")).contentType("application/json")
                    .body(Map.of("reason", "End of the browser test"))
                    .when().post(debriefService() + "/api/debriefs/" + upcomingId + "/cancel").then().statusCode(200);
        }
        try (Connection db = database(); PreparedStatement delete = db.prepareStatement("DELETE FROM debrief WHERE id = ?")) {
            for (UUID id : seeded) {
                delete.setObject(1, id);
                delete.executeUpdate();
            }
        }
    }

    @Test
    void directorSeesUpcomingAndOverdueDebriefsAndTheTimeToDebriefAgainstTheDeadline() throws Exception {
        Instant now = PlatformExtension.now();
        Instant lastMonth = YearMonth.from(PlatformExtension.now().atZone(ZoneOffset.UTC)).minusMonths(1).atDay(10).atTime(9, 0).toInstant(ZoneOffset.UTC);
        seedHeld("site-north", "ELOPEMENT", 24, lastMonth, Duration.ofHours(10));
        seedHeld("site-north", "ELOPEMENT", 24, lastMonth.plus(5, ChronoUnit.DAYS), Duration.ofHours(30));
        seedHeld("site-south", "SELF_HARM", 72, lastMonth, Duration.ofHours(50));
        UUID overdue = seedOverdue("site-south", now.minus(3, ChronoUnit.DAYS));
        upcomingId = awaitDebriefOf(reportElopement());

        signIn("dir-1", "/app/debriefs");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Debriefs by site"))).isVisible();
        Locator north = page.locator("#site-site-north");
        Locator south = page.locator("#site-site-south");
        assertThat(north.locator("table.upcoming tr[data-id='" + upcomingId + "']")).containsText("ELOPEMENT");
        assertThat(south.locator("table.overdue tr[data-id='" + overdue + "']")).containsText("past the deadline");
        assertThat(north.locator("svg.plot")).isVisible();
        assertThat(text(north.locator("svg.plot .deadline-label"), "24 h deadline")).isVisible();
        assertThat(text(north.locator("svg.plot .on-time"), "1/2 on time")).isVisible();
        assertThat(text(south.locator("svg.plot .deadline-label"), "72 h deadline")).isVisible();
        Locator lastMonthRow = text(north.locator("table.compliance-table tbody tr"), YearMonth.from(PlatformExtension.now().atZone(ZoneOffset.UTC)).minusMonths(1).toString());
        assertThat(lastMonthRow).containsText("50 %");
        assertThat(lastMonthRow).containsText("20.0");
        assertThat(lastMonthRow).containsText("30.0");
        assertThat(page.content()).doesNotContain("C-4H8D4").doesNotContain("High street");
        browser.screenshot("debrief-compliance");

        page.locator("tr[data-id='" + upcomingId + "'] a").click();
        page.waitForURL(Pattern.compile(".*/app/debriefs/" + upcomingId + "$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Restorative debrief"))).isVisible();
    }

    @Test
    void siteSupervisorSeesOnlyTheirOwnSite() throws Exception {
        UUID overdue = seedOverdue("site-south", PlatformExtension.now().minus(2, ChronoUnit.DAYS));

        signIn("sup-north", "/app/debriefs");

        assertThat(page.locator("#site-site-north")).isVisible();
        assertThat(page.locator("#site-site-south")).hasCount(0);
        assertThat(page.locator("tr[data-id='" + overdue + "']")).hasCount(0);
    }

    private static Locator text(Locator locator, String text) {
        return locator.filter(new Locator.FilterOptions().setHasText(text));
    }

    private void signIn(String username, String path) {
        browser.signIn(debriefService() + path, username);
        page.waitForURL(Pattern.compile(".*" + Pattern.quote(path) + "$"));
    }

    private void seedHeld(String site, String type, int deadlineHours, Instant reportedAt, Duration toCircle) throws Exception {
        Instant held = reportedAt.plus(toCircle);
        seed(site, type, "CLOSED", reportedAt, reportedAt.plus(Duration.ofHours(deadlineHours)), held, null);
    }

    /** Already marked overdue, so the running overdue check leaves it alone and no escalation goes out. */
    private UUID seedOverdue(String site, Instant reportedAt) throws Exception {
        Instant deadline = reportedAt.plus(Duration.ofHours(24));
        return seed(site, "ELOPEMENT", "SCHEDULED", reportedAt, deadline, null, deadline.plusSeconds(60));
    }

    private UUID seed(String site, String type, String status, Instant reportedAt, Instant deadline, Instant heldAt,
                      Instant overdueAt) throws Exception {
        UUID id = UUID.randomUUID();
        UUID incident = UUID.randomUUID();
        try (Connection db = database();
             PreparedStatement debrief = db.prepareStatement("""
                     INSERT INTO debrief (id, incident_id, site_id, incident_type, status, reported_at, created_at, deadline,
                                          calendar_uid, held_at, closed_at, overdue_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement joined = db.prepareStatement(
                     "INSERT INTO debrief_incident (debrief_id, position, incident_id, incident_type, reported_at) VALUES (?, 0, ?, ?, ?)")) {
            debrief.setObject(1, id);
            debrief.setObject(2, incident);
            debrief.setString(3, site);
            debrief.setString(4, type);
            debrief.setString(5, status);
            debrief.setTimestamp(6, Timestamp.from(reportedAt));
            debrief.setTimestamp(7, Timestamp.from(reportedAt));
            debrief.setTimestamp(8, Timestamp.from(deadline));
            debrief.setString(9, id + "@haven");
            debrief.setTimestamp(10, heldAt == null ? null : Timestamp.from(heldAt));
            debrief.setTimestamp(11, heldAt == null ? null : Timestamp.from(heldAt));
            debrief.setTimestamp(12, overdueAt == null ? null : Timestamp.from(overdueAt));
            debrief.executeUpdate();
            joined.setObject(1, id);
            joined.setObject(2, incident);
            joined.setString(3, type);
            joined.setTimestamp(4, Timestamp.from(reportedAt));
            joined.executeUpdate();
        }
        seeded.add(id);
        return id;
    }

    private static String reportElopement() {
        String body = """
                {"siteId":"site-north","type":"ELOPEMENT","severity":"HIGH","occurredAt":"%1$s",
                 "summary":"Client did not come back from the shop",
                 "lastSeen":{"at":"%1$s","place":"High street","clothing":"Blue jacket"},
                 "involvedStaffIds":["staff-ana","staff-ben"],"witnessIds":[],"clientCodes":["C-4H8D4"]}"""
                .formatted(PlatformExtension.now().minus(5, ChronoUnit.MINUTES));
        return given().auth().oauth2(DemoTokens.of("staff-ana")).contentType("application/json").body(body)
                .when().post(platform().service("incident-service").baseUrl() + "/api/incidents")
                .then().statusCode(201).extract().path("id");
    }

    private static String awaitDebriefOf(String incidentId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !debriefsOf(incidentId).isEmpty());
        return (String) debriefsOf(incidentId).get(0).get("id");
    }

    private static List<Map<String, Object>> debriefsOf(String incidentId) {
        return given().auth().oauth2(DemoTokens.of("sup-north")).queryParam("incidentId", incidentId)
                .when().get(debriefService() + "/api/debriefs")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(platform().jdbcUrl(platform().service("debrief-service")), "postgres", "postgres");
    }

    private static HavenPlatform platform() {
        return PlatformExtension.platform();
    }

    private static String debriefService() {
        return platform().service("debrief-service").baseUrl();
    }
}
