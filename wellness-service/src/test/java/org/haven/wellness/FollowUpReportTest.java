package org.haven.wellness;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.events.IncidentReported;
import org.haven.testing.AdjustableClock;
import org.haven.testing.CsvRecords;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.haven.wellness.ReportedIncidents.unique;

/** Follow-up completion per site and month: counts only, and only where five people other than the reader are behind them. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class FollowUpReportTest {

    private static final String MAY = "from=2025-05-01&to=2025-05-31";

    @Inject
    AdjustableClock clock;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    private static byte[] csv(String token, String query) {
        return given().auth().oauth2(token).when().get("/app/wellness/reports/follow-ups.csv?" + query)
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
    }

    @Test
    void aDirectorGetsOpenedAndHappenedPerSiteAndMonthAndNeverAnAnswer() {
        TeamOfFive team = TeamOfFive.exposedInMay(clock);
        team.firstFourCheckIn();
        clock.pin(TeamOfFive.IN_JUNE);

        byte[] body = csv(team.director(), MAY);
        List<List<String>> records = CsvRecords.parse(body);

        assertThat(records).containsExactly(
                List.of("site", "month", "follow_ups_opened", "follow_ups_happened", "happened_percent", "note"),
                List.of(team.site(), "2025-05", "15", "4", "27", ""));
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("strain", "sleep", team.staff().get(0));
    }

    @Test
    void theFloorOfFiveAppliesToEveryFigureAndTheReaderIsNeverOneOfTheFive() {
        clock.pin(TeamOfFive.IN_MAY);
        String site = unique("site");
        List<String> four = List.of(unique("p1"), unique("p2"), unique("p3"), unique("p4"));
        IncidentReported incident = ReportedIncidents.critical(site, TeamOfFive.IN_MAY.minus(Duration.ofHours(2)), four.get(0),
                four.subList(1, 4), List.of());
        ReportedIncidents.send(incident);
        ReportedIncidents.awaitFollowUps(incident, 12);
        TeamOfFive five = TeamOfFive.exposedInMay(clock);
        clock.pin(TeamOfFive.IN_JUNE);

        assertThat(CsvRecords.parse(csv(DirectoryTokens.director("dir-1", site), MAY)).get(1))
                .containsExactly(site, "2025-05", "", "", "", "fewer than 5 — not shown");
        // A director who was one of the five sees the four others: withheld too.
        assertThat(CsvRecords.parse(csv(DirectoryTokens.director(five.staff().get(0), five.site()), MAY)).get(1))
                .containsExactly(five.site(), "2025-05", "", "", "", "fewer than 5 — not shown");
    }

    @Test
    void staffAndSupervisorsExportNothingAndOtherSitesAreRefused() {
        given().auth().oauth2(TestTokens.staff("p-1", "site-north")).when().get("/app/wellness/reports/follow-ups.csv?" + MAY)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.supervisor("sup-1", "site-north")).when().get("/app/wellness/reports/follow-ups?" + MAY)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.director("dir-1", "site-north")).when()
                .get("/app/wellness/reports/follow-ups.csv?" + MAY + "&site=site-south")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void thePrintablePageShowsTheSameFiguresAndABadPeriodNamesTheField() {
        TeamOfFive team = TeamOfFive.exposedInMay(clock);
        clock.pin(TeamOfFive.IN_JUNE);

        given().auth().oauth2(team.director()).when().get("/app/wellness/reports/follow-ups?" + MAY)
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<td>" + team.site() + "</td><td>2025-05</td><td>15</td><td>0</td>"))
                .body(containsString("href=\"/app/wellness/reports/follow-ups.csv?from=2025-05-01&amp;to=2025-05-31\""))
                .body(not(containsString(team.staff().get(0))));
        given().auth().oauth2(team.director()).when().get("/app/wellness/reports/follow-ups.csv?from=2025-05-01")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("to"));
    }
}
