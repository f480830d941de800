package org.haven.debrief;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.events.IncidentReported;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.haven.debrief.DebriefsApi.awaitDebriefOf;
import static org.haven.debrief.RosterFixture.at;

/**
 * The supervisors' and directors' page, with a pinned clock: two October debriefs (one held in 10 h, one
 * in 28 h against a 24 h deadline), an elopement whose deadline passed unheld and one still to come.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class DebriefOverviewPageTest {

    @Inject
    AdjustableClock clock;

    String site;
    String otherSite;
    String overdueId;
    String upcomingId;
    String otherSitesId;

    @BeforeEach
    void aSiteWithHistory() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        site = "site-" + run;
        otherSite = "other-" + run;
        heldDebrief("a-" + run, "2026-10-10T10:00", "2026-10-10T20:00");
        heldDebrief("b-" + run, "2026-10-15T08:00", "2026-10-16T12:00");
        overdueId = debrief(site, "c-" + run, "2026-11-19T08:00");
        upcomingId = debrief(site, "d-" + run, "2026-11-20T21:40");
        otherSitesId = debrief(otherSite, "e-" + run, "2026-11-20T22:00");
        clock.pin(at("2026-11-21T09:00"));
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void directorSeesOverdueAndUpcomingDebriefsAndTheTimeToDebriefAgainstTheDeadline() {
        String html = given().auth().oauth2(TestTokens.director("dir-1", site, otherSite))
                .when().get("/app/debriefs")
                .then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .extract().asString();

        String mine = section(html, site);
        assertThat(between(mine, "<table class=\"debriefs overdue\"", "</table>"))
                .contains(overdueId, "ELOPEMENT", "2026-11-20 08:00 UTC", "25 h past the deadline").doesNotContain(upcomingId);
        assertThat(between(mine, "<table class=\"debriefs upcoming\"", "</table>"))
                .contains(upcomingId, "2026-11-21 21:40 UTC").doesNotContain(overdueId);
        String plot = between(mine, "<svg", "</svg>");
        assertThat(plot).contains("role=\"img\"", "24 h deadline", "1/2 on time", "none held");
        assertThat(between(mine, "<table class=\"compliance-table\"", "</table>"))
                .contains("<th scope=\"row\">2026-10</th><td>2</td><td>1</td>", "<td>50 %</td><td>19.0</td><td>28.0</td>",
                        "<th scope=\"row\">2026-06</th>", "<th scope=\"row\">2026-11</th><td>0</td>");
        assertThat(section(html, otherSite)).contains(otherSitesId);
        assertThat(html).doesNotContain("C-7F3K").doesNotContainPattern("<script(?![^>]*\\ssrc=\"/)").doesNotContain("style=");
    }

    @Test
    void supervisorSeesOnlyTheirOwnSite() {
        String html = given().auth().oauth2(TestTokens.supervisor("sup-" + site, site))
                .when().get("/app/debriefs")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains(overdueId, upcomingId).doesNotContain(otherSite).doesNotContain(otherSitesId);
    }

    @Test
    void staffAndAdminsDoNotSeeThePage() {
        given().auth().oauth2(TestTokens.staff("staff-" + site, site)).when().get("/app/debriefs").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin("admin")).when().get("/app/debriefs").then().statusCode(403);
        given().auth().oauth2(TestTokens.director("dir-1", site)).queryParam("months", 0)
                .when().get("/app/debriefs").then().statusCode(400);
    }

    @Test
    void theLongerDeadlineOfOtherIncidentTypesIsDrawnToo() {
        clock.pin(at("2026-11-01T08:01"));
        IncidentReported selfHarm = IncidentFeed.reported("SELF_HARM", true, site, at("2026-11-01T08:00"), "f-" + site,
                List.of(), List.of());
        IncidentFeed.send(selfHarm);
        String id = awaitDebriefOf(selfHarm);
        clock.pin(at("2026-11-03T08:00"));
        hold(id);
        clock.pin(at("2026-11-21T09:00"));

        String plot = between(section(given().auth().oauth2(TestTokens.director("dir-1", site)).when().get("/app/debriefs")
                .then().statusCode(200).extract().asString(), site), "<svg", "</svg>");

        assertThat(plot).contains("24 h deadline", "72 h deadline", "1/1 on time");
    }

    private void heldDebrief(String reporter, String reportedAt, String heldAt) {
        String id = debrief(site, reporter, reportedAt);
        clock.pin(at(heldAt));
        hold(id);
    }

    private void hold(String id) {
        given().auth().oauth2(TestTokens.director("dir-1", site)).contentType("application/json")
                .body(Map.of("attendeeIds", List.of()))
                .when().post("/api/debriefs/" + id + "/held").then().statusCode(200);
    }

    /** An elopement reported by someone of its own (so it opens its own debrief rather than joining another). */
    private String debrief(String siteId, String reporter, String reportedAt) {
        clock.pin(at(reportedAt).plusSeconds(60));
        IncidentReported elopement = IncidentFeed.reported("ELOPEMENT", true, siteId, at(reportedAt), reporter, List.of(), List.of());
        IncidentFeed.send(elopement);
        return awaitDebriefOf(elopement);
    }

    private static String section(String html, String siteId) {
        return between(html, "<section class=\"site\" id=\"site-" + siteId + "\"", "</section>");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("has " + start).isNotNegative();
        int to = text.indexOf(end, from);
        assertThat(to).as("has " + end + " after " + start).isPositive();
        return text.substring(from, to + end.length());
    }
}
