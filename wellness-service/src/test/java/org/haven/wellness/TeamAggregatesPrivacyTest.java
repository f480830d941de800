package org.haven.wellness;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.haven.events.IncidentReported;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.haven.wellness.ReportedIncidents.awaitFollowUps;
import static org.haven.wellness.ReportedIncidents.critical;
import static org.haven.wellness.ReportedIncidents.send;
import static org.haven.wellness.ReportedIncidents.unique;

/**
 * The ways a director could single a person out of the team aggregates: a month whose follow-ups concern
 * fewer than five people, one person checking in more often than the others, and a director who is one of
 * the five themself.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class TeamAggregatesPrivacyTest {

    @Inject
    AdjustableClock clock;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void followUpCountsOfFewerThanFivePeopleAreWithheld() {
        clock.pin(TeamOfFive.IN_MAY);
        String site = unique("site");
        IncidentReported incident = exposed(site, List.of(unique("p1"), unique("p2")));
        CheckIns.checkIn72h(incident, incident.reporterId(), 1, 1, false);

        clock.pin(TeamOfFive.IN_JUNE);
        may(DirectoryTokens.director(unique("dir"), site))
                .body("[0].followUpsOpened", nullValue())
                .body("[0].followUpsCompleted", nullValue())
                .body("[0].followUpsSuppressed", equalTo("FEWER_THAN_MINIMUM"))
                .body("[0].checkIns.suppressed", equalTo("FEWER_THAN_MINIMUM"));
    }

    @Test
    void someoneWhoChecksInTwiceInAMonthCountsOnceInItsMeans() {
        TeamOfFive team = TeamOfFive.exposedInMay(clock);
        team.firstFourCheckIn();
        // The fifth person's strain is 0 at 72 hours and 8 a week later: one value for May, their mean of 4.
        CheckIns.checkIn72h(team.incident(), team.staff().get(4), 0, 0, false);
        clock.pin(TeamOfFive.LATER_IN_MAY);
        CheckIns.checkIn1Month(team.incident(), team.staff().get(4), 4, 4);

        clock.pin(TeamOfFive.IN_JUNE);
        // (2 + 4 + 6 + 8 + 4) / 5 = 4.8, where a mean over the six check-ins would be 28 / 6 = 4.67
        Map<String, Object> may = may(team.director())
                .body("[0].followUpsSuppressed", nullValue())
                .body("[0].followUpsCompleted", equalTo(6))
                .body("[0].checkIns.contributors", equalTo(5))
                .body("[0].checkIns.subscales[0].subscale", equalTo("strain"))
                .extract().jsonPath().getMap("[0].checkIns");
        assertThat(strainMean(may)).isCloseTo(4.8, within(0.001));
        assertThat(may).as("how many check-ins there were would tell who checked in twice").doesNotContainKey("checkIns");
    }

    @Test
    void aDirectorInvolvedInAnIncidentIsNeverOneOfTheFive() {
        clock.pin(TeamOfFive.IN_MAY);
        String site = unique("site");
        String director = unique("dir");
        List<String> people = new ArrayList<>(List.of(unique("p1"), unique("p2"), unique("p3"), unique("p4")));
        people.add(director);
        IncidentReported incident = exposed(site, people);
        people.forEach(person -> CheckIns.checkIn72h(incident, person, 2, 2, false));

        clock.pin(TeamOfFive.IN_JUNE);
        may(DirectoryTokens.director(director, site))
                .body("[0].checkIns.contributors", nullValue())
                .body("[0].checkIns.subscales", empty())
                .body("[0].checkIns.suppressed", equalTo("FEWER_THAN_MINIMUM"))
                .body("[0].followUpsOpened", nullValue())
                .body("[0].followUpsSuppressed", equalTo("FEWER_THAN_MINIMUM"));
        may(DirectoryTokens.director(unique("dir"), site))
                .body("[0].followUpsOpened", equalTo(15))
                .body("[0].checkIns.contributors", equalTo(5));
    }

    @Test
    void aDirectorsOwnAnswersAreLeftOutOfTheFiguresTheySee() {
        clock.pin(TeamOfFive.IN_MAY);
        String site = unique("site");
        String director = unique("dir");
        List<String> people = new ArrayList<>(List.of(unique("p1"), unique("p2"), unique("p3"), unique("p4"), unique("p5")));
        people.add(director);
        IncidentReported incident = exposed(site, people);
        for (int i = 0; i < 5; i++) {
            CheckIns.checkIn72h(incident, people.get(i), i, i, false); // strain 0, 2, 4, 6, 8: mean 4
        }
        CheckIns.checkIn72h(incident, director, 4, 4, false);        // strain 8

        clock.pin(TeamOfFive.IN_JUNE);
        Map<String, Object> own = may(DirectoryTokens.director(director, site))
                .body("[0].followUpsOpened", equalTo(15))
                .body("[0].followUpsCompleted", equalTo(5))
                .body("[0].checkIns.contributors", equalTo(5))
                .extract().jsonPath().getMap("[0].checkIns");
        assertThat(strainMean(own)).isCloseTo(4.0, within(0.001));
        Map<String, Object> colleague = may(DirectoryTokens.director(unique("dir"), site))
                .body("[0].followUpsOpened", equalTo(18))
                .body("[0].checkIns.contributors", equalTo(6))
                .extract().jsonPath().getMap("[0].checkIns");
        assertThat(strainMean(colleague)).isCloseTo(4.67, within(0.001));
    }

    /** The first person reports a critical incident at the site in May with the others involved; waits for their follow-ups. */
    static IncidentReported exposed(String site, List<String> people) {
        IncidentReported incident = critical(site, TeamOfFive.IN_MAY.minus(Duration.ofHours(2)), people.get(0),
                people.subList(1, people.size()), List.of());
        send(incident);
        awaitFollowUps(incident, 3 * people.size());
        return incident;
    }

    @SuppressWarnings("unchecked")
    private static double strainMean(Map<String, Object> checkIns) {
        return ((List<Map<String, Object>>) checkIns.get("subscales")).stream().filter(s -> "strain".equals(s.get("subscale")))
                .map(s -> ((Number) s.get("mean")).doubleValue()).findFirst().orElseThrow();
    }

    private static ValidatableResponse may(String director) {
        return given().auth().oauth2(director).queryParam("from", "2025-05").queryParam("to", "2025-05")
                .when().get("/api/team/aggregates").then().statusCode(200);
    }
}
