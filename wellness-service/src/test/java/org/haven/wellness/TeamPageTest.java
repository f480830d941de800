package org.haven.wellness;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.events.IncidentReported;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.wellness.ReportedIncidents.unique;

/** The director's team view: plots and a table of aggregates, with check-in figures withheld below five people. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class TeamPageTest {

    @Inject
    AdjustableClock clock;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void checkInTrendsAreWithheldBelowFivePeopleAndPlottedFromFive() {
        TeamOfFive team = TeamOfFive.exposedInMay(clock);
        String site = team.site();
        List<String> staff = team.staff();
        IncidentReported incident = team.incident();
        String director = team.director();
        team.firstFourCheckIn();

        clock.pin(TeamOfFive.IN_JUNE);
        String four = Pages.html(director, "/app/wellness/team");
        assertThat(four).contains("Team view", site, "<svg", "role=\"img\"", "<table>", "May 2025", "<td>15</td><td>4</td><td>27%</td>",
                "Check-in trends: fewer than 5 — not shown", "<td>fewer than 5 — not shown</td>");
        assertThat(four).doesNotContain("Strain").doesNotContain("(0–8)").doesNotContain("class=\"point\"")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=\"/)").doesNotContain("style=");

        clock.pin(TeamOfFive.LATER_IN_MAY);
        CheckIns.checkIn72h(incident, staff.get(4), 0, 0, false);
        clock.pin(TeamOfFive.IN_JUNE);
        String five = Pages.html(director, "/app/wellness/team");
        // (2 + 4 + 6 + 8 + 0) / 5 = 4
        assertThat(five).contains("Check-ins: Strain since the incident (sleep and unwanted memories)", "<td>4 (0–8)</td>",
                "<td>0 (0–2)</td>", "class=\"point\"", "<td>15</td><td>5</td><td>33%</td>", "month not over — not shown");
        for (String person : staff) {
            assertThat(five).doesNotContain(person);
        }
    }

    @Test
    void aDirectorInvolvedInAnIncidentSeesTheTeamWithoutThemselfAsTheApiDoes() {
        clock.pin(TeamOfFive.IN_MAY);
        String site = unique("site");
        String director = unique("dir");
        List<String> people = new ArrayList<>(List.of(unique("p1"), unique("p2"), unique("p3"), unique("p4")));
        people.add(director);
        IncidentReported incident = TeamAggregatesPrivacyTest.exposed(site, people);
        people.forEach(person -> CheckIns.checkIn72h(incident, person, 2, 2, false));

        clock.pin(TeamOfFive.IN_JUNE);
        String own = Pages.html(DirectoryTokens.director(director, site), "/app/wellness/team?months=2");
        assertThat(own).contains("<th scope=\"row\">May 2025</th><td colspan=\"3\">fewer than 5 — not shown</td>",
                "Check-in trends: fewer than 5 — not shown").doesNotContain("<td>15</td>").doesNotContain("(0–8)");

        String colleague = Pages.html(DirectoryTokens.director(unique("dir"), site), "/app/wellness/team?months=2");
        // five people, strain 4 each
        assertThat(colleague).contains("<th scope=\"row\">May 2025</th><td>15</td><td>5</td><td>33%</td>", "<td>4 (0–8)</td>");
    }

    @Test
    void onlyDirectorsOpenTheTeamView() {
        String site = unique("site");
        given().auth().oauth2(DirectoryTokens.staff("ana", site)).when().get("/app/wellness/team").then().statusCode(403);
        given().auth().oauth2(DirectoryTokens.supervisor("sup", site)).when().get("/app/wellness/team").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin("admin-1")).when().get("/app/wellness/team").then().statusCode(403);
        given().auth().oauth2(DirectoryTokens.director("dir-1", site)).queryParam("months", 40).when().get("/app/wellness/team")
                .then().statusCode(400);
    }
}
