package org.haven.wellness;

import org.haven.testing.AdjustableClock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.haven.wellness.ReportedIncidents.unique;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class TeamAggregatesTest {

    @Inject
    AdjustableClock clock;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void checkInFiguresAppearOnlyOnceFivePeopleContributedInAMonthThatIsOver() {
        TeamOfFive team = TeamOfFive.exposedInMay(clock);
        String site = team.site();
        List<String> staff = team.staff();
        IncidentReported incident = team.incident();
        String director = team.director();
        team.firstFourCheckIn();
        clock.pin(TeamOfFive.IN_JUNE);
        given().auth().oauth2(director).queryParam("from", "2025-05").queryParam("to", "2025-05")
                .when().get("/api/team/aggregates").then().statusCode(200)
                .body("[0].siteId", equalTo(site))
                .body("[0].month", equalTo("2025-05"))
                .body("[0].followUpsOpened", equalTo(15))
                .body("[0].followUpsCompleted", equalTo(4))
                .body("[0].checkIns.suppressed", equalTo("FEWER_THAN_MINIMUM"))
                .body("[0].checkIns.minimum", equalTo(5))
                .body("[0].checkIns.contributors", nullValue())
                .body("[0].checkIns.checkIns", nullValue())
                .body("[0].checkIns.subscales", empty());

        // The fifth person's strain of 0 makes five: mean (2+4+6+8+0)/5 = 4 — but not while May is still going on.
        clock.pin(TeamOfFive.LATER_IN_MAY);
        CheckIns.checkIn72h(incident, staff.get(4), 0, 0, false);
        given().auth().oauth2(director).queryParam("from", "2025-05").queryParam("to", "2025-05")
                .when().get("/api/team/aggregates").then().statusCode(200)
                .body("[0].followUpsCompleted", equalTo(5))
                .body("[0].checkIns.suppressed", equalTo("MONTH_NOT_OVER"))
                .body("[0].checkIns.subscales", empty());

        clock.pin(TeamOfFive.IN_JUNE);
        List<Map<String, Object>> subscales = given().auth().oauth2(director).queryParam("from", "2025-05").queryParam("to", "2025-05")
                .when().get("/api/team/aggregates").then().statusCode(200)
                .body("[0].checkIns.suppressed", nullValue())
                .body("[0].checkIns.contributors", equalTo(5))
                .extract().jsonPath().getList("[0].checkIns.subscales");
        assertThat(subscales).extracting(s -> s.get("instrumentId") + "/" + s.get("subscale"), s -> ((Number) s.get("mean")).doubleValue())
                .containsExactly(tuple("wellbeing-check/strain", 4.0), tuple("wellbeing-check/support-wanted", 0.0));
    }

    @Test
    void aDirectorSeesOnlyTheSitesOfTheirProgramMonthByMonth() {
        clock.pin(TeamOfFive.IN_JUNE);
        String mine = unique("site");
        String theirs = unique("site");
        given().auth().oauth2(DirectoryTokens.director("dir-1", mine)).when().get("/api/team/aggregates").then().statusCode(200)
                .body("siteId", equalTo(List.of(mine, mine, mine, mine, mine, mine)))
                .body("month", equalTo(List.of("2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06")));
        given().auth().oauth2(DirectoryTokens.director("dir-2", mine, theirs)).queryParam("from", "2025-03").queryParam("to", "2025-03")
                .when().get("/api/team/aggregates").then().statusCode(200)
                .body("siteId", equalTo(List.of(mine, theirs).stream().sorted().toList()));
    }

    @Test
    void anInvertedOrOverlongPeriodIsRefusedAsProblem() {
        String director = DirectoryTokens.director("dir-1", "site-north");
        given().auth().oauth2(director).queryParam("from", "2025-03").queryParam("to", "2025-01")
                .when().get("/api/team/aggregates").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(director).queryParam("from", "2022-01").queryParam("to", "2025-01")
                .when().get("/api/team/aggregates").then().statusCode(400);
        given().auth().oauth2(director).queryParam("from", "2025-13")
                .when().get("/api/team/aggregates").then().statusCode(400);
    }
}
